package org.ecoledger.core.chain;

import com.fasterxml.jackson.databind.JsonNode;

/** Test helper: a copy of a {@link ChainEntry} with some fields changed. */
final class EntryBuilder {

    private String aggregateType;
    private String aggregateId;
    private long sequence;
    private long globalIndex;
    private String eventId;
    private String payloadType;
    private String payloadRevision;
    private String timestamp;
    private JsonNode payload;
    private JsonNode metadata;
    private String prevHash;

    private EntryBuilder() {
    }

    static EntryBuilder from(ChainEntry e) {
        EntryBuilder b = new EntryBuilder();
        b.aggregateType = e.aggregateType();
        b.aggregateId = e.aggregateId();
        b.sequence = e.sequence();
        b.globalIndex = e.globalIndex();
        b.eventId = e.eventId();
        b.payloadType = e.payloadType();
        b.payloadRevision = e.payloadRevision();
        b.timestamp = e.timestamp();
        b.payload = e.payload().deepCopy();
        b.metadata = e.metadata().deepCopy();
        b.prevHash = e.prevHash();
        return b;
    }

    EntryBuilder aggregateType(String value) {
        aggregateType = value;
        return this;
    }

    EntryBuilder aggregateId(String value) {
        aggregateId = value;
        return this;
    }

    EntryBuilder sequence(long value) {
        sequence = value;
        return this;
    }

    EntryBuilder globalIndex(long value) {
        globalIndex = value;
        return this;
    }

    EntryBuilder eventId(String value) {
        eventId = value;
        return this;
    }

    EntryBuilder timestamp(String value) {
        timestamp = value;
        return this;
    }

    EntryBuilder payload(JsonNode value) {
        payload = value;
        return this;
    }

    EntryBuilder metadata(JsonNode value) {
        metadata = value;
        return this;
    }

    EntryBuilder prevHash(String value) {
        prevHash = value;
        return this;
    }

    ChainEntry build() {
        return new ChainEntry(aggregateType, aggregateId, sequence, globalIndex, eventId, payloadType,
                payloadRevision, timestamp, payload, metadata, prevHash);
    }
}
