package org.ecoledger.api.http.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.ecoledger.api.http.Api;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The catalogue the views judge with: built in + stored, noticed by a recount, unusable documents left out. */
class PostedRuleSetsTest {

    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    static final Instant POSTED = Instant.parse("2020-06-01T02:00:00Z");

    final TestStore store = TestStore.inMemory();
    final RuleSetStore stored = new RuleSetStore(store.database(), MAPPER, Clock.fixed(POSTED, ZoneOffset.UTC));
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final PostedRuleSets catalogue = new PostedRuleSets(stored, MAPPER, nanos::get);

    @AfterEach
    void close() {
        store.close();
    }

    void save(int version, String effectiveFrom) {
        stored.save("QHD-2018", version, LocalDate.parse(effectiveFrom), Api.ruleSet("QHD-2018", version,
                                                                                     effectiveFrom), "admin");
    }

    @Test
    void withNothingStored_itIsTheBuiltInSet() {
        assertThat(catalogue.current().all()).extracting(set -> set.reference()).containsExactly("QHD-2018@1");
        assertThat(catalogue.isBuiltIn(RuleSets.QHD_2018, 1)).isTrue();
        assertThat(catalogue.isBuiltIn(RuleSets.QHD_2018, 2)).isFalse();
        assertThat(catalogue.listing()).singleElement().satisfies(v -> {
            assertThat(v.builtIn()).isTrue();
            assertThat(v.document().path("duties").size()).isEqualTo(12);
        });
    }

    @Test
    void aVersionStoredByAnotherNode_isSeenOnceTheRecheckIntervalHasPassed_andAtOnceAfterARefresh() {
        assertThat(catalogue.current().all()).hasSize(1);
        save(2, "2019-01-01");
        assertThat(catalogue.current().all()).as("within the interval, no recount").hasSize(1);
        nanos.addAndGet(PostedRuleSets.RECHECK_INTERVAL.toNanos());
        assertThat(catalogue.current().inForce(LocalDate.of(2019, 1, 1)).orElseThrow().reference())
                .isEqualTo("QHD-2018@2");
        assertThat(catalogue.current().inForce(LocalDate.of(2018, 12, 31)).orElseThrow().reference())
                .isEqualTo("QHD-2018@1");

        save(3, "2021-01-01");
        catalogue.refresh();
        assertThat(catalogue.current().all()).hasSize(3);
    }

    @Test
    void asKnownAtAMomentBeforeItWasPosted_theVersionIsLeftOut() {
        save(2, "2019-01-01");
        catalogue.refresh();
        assertThat(catalogue.knownAt(POSTED.minusMillis(1)).all()).extracting(set -> set.reference())
                .containsExactly("QHD-2018@1");
        assertThat(catalogue.knownAt(POSTED).all()).extracting(set -> set.reference())
                .containsExactly("QHD-2018@1", "QHD-2018@2");
    }

    @Test
    void storedDocumentsThatCannotBeUsed_areLeftOut_andListedWithTheirProblem() {
        var collection = store.database().getCollection(RuleSetStore.COLLECTION);
        collection.insertOne(new Document("_id", "QHD-2018@1").append("id", "QHD-2018").append("version", 1)
                .append("effectiveFrom", "2018-01-01").append("postedAt", "2019-01-01T00:00:00Z")
                .append("json", "{\"id\":\"QHD-2018\",\"version\":1,\"effectiveFrom\":\"2018-01-01\","
                        + "\"meetings\":{\"STANDING_COMMITTEE\":\"QUARTER\"}}"));
        collection.insertOne(new Document("_id", "BUILT@1").append("id", "BUILT").append("version", 1)
                .append("json", Api.ruleSet("QHD-2018", 1, "2016-01-01").toString()));
        collection.insertOne(new Document("_id", "JUNK@1").append("json", "not json"));
        save(2, "2019-01-01");

        assertThat(catalogue.current().all()).extracting(set -> set.reference())
                .containsExactly("QHD-2018@1", "QHD-2018@2");
        assertThat(catalogue.listing()).extracting(v -> (v.builtIn() ? v.set().reference()
                        : v.stored().id() + "@" + v.stored().version()) + ": " + v.problem())
                .containsExactly(
                        "BUILT@1: stored under BUILT@1 but the document is QHD-2018@1",
                        "JUNK@1: not a valid rule set: a rule set is a JSON object",
                        "QHD-2018@1: null",
                        "QHD-2018@1: not a valid rule set: partialPeriodRule is required: one of [WHOLE_PERIOD, "
                                + "HELD_AT_PERIOD_END, PRORATED]",
                        "QHD-2018@2: null");
    }
}
