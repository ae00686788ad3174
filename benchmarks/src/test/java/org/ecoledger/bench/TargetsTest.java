package org.ecoledger.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    @Test
    void aTargetIsCheckedAgainstTheFigureOfTheRun() {
        Results results = new Results(Mode.QUICK, Instant.now());
        results.put("append.rate.10k", 999);
        results.put("append.rate.50k", 1_000);
        results.put("query.dossier.p99_ms", 20.5);
        results.put("append.chain_overhead", 1.05);
        assertThat(Targets.of("append.rate.10k").holds(results)).isFalse();
        assertThat(Targets.of("append.rate.50k").holds(results)).isTrue();
        assertThat(Targets.of("query.dossier.p99_ms").holds(results)).isFalse();
        assertThat(Targets.of("append.chain_overhead").holds(results)).isTrue();
        assertThat(Targets.of("query.dossier.p99_ms.10k")).isNull();
        assertThat(results.table()).contains("append.rate.10k").contains("NO").contains("yes");
    }

    @Test
    void framesAreGroupedByTheirLibrary() {
        assertThat(JfrTop.library("org.h2.mvstore.MVMap.get")).isEqualTo("H2 MVStore");
        assertThat(JfrTop.library("org.ecoledger.core.chain.CanonicalJson.encode")).startsWith("ledger");
        assertThat(JfrTop.library("java.io.ObjectOutputStream.writeObject")).isEqualTo("Java serialization");
        assertThat(JfrTop.library("com.example.Thing.run")).isEqualTo("com.example.*");
    }
}
