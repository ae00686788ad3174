package org.ecoledger.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventDataTest {

    @Test
    void payloadAndMetadata_areTypedAtOnce_butTurnedIntoJsonOnlyWhenFirstRead_thenKept() {
        BsonDocument payload = new BsonDocument("text", new BsonString("县委常委会"));
        BsonDocument metadata = new BsonDocument("recordedBy", new BsonString("tester"));
        StoredEventData data = new StoredEventData(new GlobalSequenceTrackingToken(7), "NoteRecord", "r1", 3, "e1",
                                                   Instant.parse("2026-01-01T00:00:00Z"), "org.example.Note", "2",
                                                   payload, metadata);

        assertThat(data.getPayload().getType().getName()).isEqualTo("org.example.Note");
        assertThat(data.getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(data.getPayload().getContentType()).isEqualTo(JsonNode.class);
        assertThat(data.getMetaData().getType().getName()).isEqualTo(MetaData.class.getName());

        // not converted yet: what the stored document holds when the payload is first read is what it shows
        payload.put("number", new BsonInt32(4));
        JsonNode json = data.getPayload().getData();
        assertThat(json.toString()).isEqualTo("{\"text\":\"县委常委会\",\"number\":4}");
        payload.put("later", new BsonInt32(5));
        assertThat(data.getPayload().getData()).isSameAs(json);
        assertThat(data.getMetaData().getData().path("recordedBy").asText()).isEqualTo("tester");
    }
}
