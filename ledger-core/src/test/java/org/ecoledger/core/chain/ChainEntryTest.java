package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ChainEntryTest {

    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final String ZEROS = "0".repeat(64);

    @Test
    void payloadRevision_mayBeNull() {
        ChainEntry entry = new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", null, "2024-01-01T00:00:00Z",
                EMPTY, EMPTY, ZEROS);

        assertThat(entry.payloadRevision()).isNull();
    }

    @Test
    void everyOtherField_isRequired() {
        assertThatThrownBy(() -> new ChainEntry(null, "o-1", 0, 0, "e-1", "T", "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("aggregateType");
        assertThatThrownBy(() -> new ChainEntry("Official", null, 0, 0, "e-1", "T", "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("aggregateId");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, null, "T", "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("eventId");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, "e-1", null, "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("payloadType");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", "1", null, EMPTY, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("timestamp");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", "1", "t", null, EMPTY, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("payload");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", "1", "t", EMPTY, null, ZEROS))
                .isInstanceOf(NullPointerException.class).hasMessage("metadata");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", "1", "t", EMPTY, EMPTY, null))
                .isInstanceOf(NullPointerException.class).hasMessage("prevHash");
    }

    @Test
    void negativeSequenceOrGlobalIndex_isRefused() {
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", -1, 0, "e-1", "T", "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sequence must be >= 0, was -1");
        assertThatThrownBy(() -> new ChainEntry("Official", "o-1", 0, -1, "e-1", "T", "1", "t", EMPTY, EMPTY, ZEROS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("globalIndex must be >= 0, was -1");
    }

    @Test
    void storedEntry_requiresEntryAndHash() {
        ChainEntry entry = new ChainEntry("Official", "o-1", 0, 0, "e-1", "T", "1", "t", EMPTY, EMPTY, ZEROS);

        assertThatThrownBy(() -> new StoredEntry(null, ZEROS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredEntry(entry, null)).isInstanceOf(NullPointerException.class);
    }
}
