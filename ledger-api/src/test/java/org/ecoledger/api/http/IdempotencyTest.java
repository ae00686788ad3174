package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.object;

import java.nio.file.Path;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.core.record.EntryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code Idempotency-Key}: the same key and body answer the first answer and append nothing, across a restart. */
class IdempotencyTest {

    @TempDir
    Path dataDir;

    private static final String ENTRIES = "/api/v1/officials/idem/entries";

    @Test
    void theSameKeyAndBody_answerTheFirstAnswer_appendNothing_evenAfterARestart() {
        ObjectNode appointed = EntryExamples.of(EntryType.APPOINTED).body();
        Api.Answer first;
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            Api api = new Api(ledger);
            api.city();
            api.official("idem");
            first = api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "appoint-1").expect(201);
            Api.Answer again = api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "appoint-1").expect(201);
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(first.header("Idempotent-Replayed")).isNull();

            ObjectNode other = appointed.deepCopy().put("postId", "another-post");
            api.post("recorder", ENTRIES, other, "Idempotency-Key", "appoint-1")
               .problem(409, "idempotency-key-reused");
            api.post("organization", "/api/v1/officials", object().put("officialId", "idem-2").put("name", "王五"),
                     "Idempotency-Key", "appoint-1").expect(201); // keys are per user

            JsonNode refused = api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "appoint-2")
                                  .problem(409, "rule-violation");
            assertThat(api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "appoint-2").json())
                    .as("a refusal is an answer too").isEqualTo(refused);
            api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "has space").problem(400,
                                                                                            "malformed-request");
            assertThat(api.get("auditor", ENTRIES).expect(200).json()).as("one appointment").hasSize(2);
        }
        try (RunningLedger again = RunningLedger.start(dataDir)) {
            Api api = new Api(again);
            Api.Answer replay = api.post("recorder", ENTRIES, appointed, "Idempotency-Key", "appoint-1").expect(201);
            assertThat(replay.json()).isEqualTo(first.json());
            JsonNode entries = api.get("auditor", ENTRIES).expect(200).json();
            assertThat(entries).as("nothing appended after the restart").hasSize(2);
        }
    }
}
