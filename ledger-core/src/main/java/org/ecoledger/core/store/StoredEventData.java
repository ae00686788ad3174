package org.ecoledger.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;

/**
 * One stored event as Axon reads it: payload and metadata stay JSON trees until a serializer turns them into
 * objects (after any upcasting), so what is hashed is always what is stored.
 */
final class StoredEventData implements DomainEventData<JsonNode>, TrackedEventData<JsonNode> {

    private final TrackingToken token;
    private final String aggregateType;
    private final String aggregateId;
    private final long sequence;
    private final String eventId;
    private final Instant timestamp;
    private final String payloadType;
    private final String payloadRevision;
    private final JsonNode payload;
    private final JsonNode metadata;

    StoredEventData(TrackingToken token, String aggregateType, String aggregateId, long sequence, String eventId,
                    Instant timestamp, String payloadType, String payloadRevision, JsonNode payload,
                    JsonNode metadata) {
        this.token = token;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.eventId = eventId;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metadata = metadata;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateId;
    }

    @Override
    public long getSequenceNumber() {
        return sequence;
    }

    @Override
    public String getEventIdentifier() {
        return eventId;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return new SimpleSerializedObject<>(metadata, JsonNode.class, MetaData.class.getName(), null);
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return new SimpleSerializedObject<>(payload, JsonNode.class, payloadType, payloadRevision);
    }
}
