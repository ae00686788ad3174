package org.ecoledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.ecoledger.core.rules.ruleset.RuleSets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class DemoCityGeneratorTest {

    static final RuleSets RULES = RuleSets.defaults(new ObjectMapper().findAndRegisterModules());

    @Test
    void stats() {
        long t0 = System.nanoTime();
        DemoCity city = DemoCityGenerator.generate(DemoCitySize.DEFAULT, RULES);
        System.out.printf("generated in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println(city.counts());
        Map<String, Integer> byType = new TreeMap<>();
        city.writes().forEach(w -> w.commands().forEach(c -> byType.merge(c.getClass().getSimpleName(), 1, Integer::sum)));
        byType.forEach((k, v) -> System.out.println("  " + k + " " + v));
        city.scenarios().forEach(System.out::println);
        System.out.println(city.digest());
        int max = city.writes().stream().mapToInt(w -> w.commands().size()).max().orElse(0);
        System.out.println("largest record " + max);
        assertThat(DemoCityGenerator.generate(DemoCitySize.DEFAULT, RULES).digest()).isEqualTo(city.digest());
    }
}
