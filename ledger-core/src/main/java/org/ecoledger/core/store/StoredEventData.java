package org.ecoledger.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonValue;

import java.time.Instant;

/**
 * One stored event as Axon reads it: payload and metadata stay JSON trees until a serializer turns them into
 * objects (after any upcasting), so what is hashed is always what is stored. They are turned from the stored BSON
 * into JSON trees only when first asked for: a processor reads every event of the stream but looks into the payload
 * of those it handles only, and its choice needs only the payload's type.
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
    private final SerializedObject<JsonNode> payload;
    private final SerializedObject<JsonNode> metadata;

    StoredEventData(TrackingToken token, String aggregateType, String aggregateId, long sequence, String eventId,
                    Instant timestamp, String payloadType, String payloadRevision, BsonValue payload,
                    BsonValue metadata) {
        this.token = token;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.eventId = eventId;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = new JsonOnDemand(payload, new SimpleSerializedType(payloadType, payloadRevision));
        this.metadata = new JsonOnDemand(metadata, new SimpleSerializedType(MetaData.class.getName(), null));
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
        return metadata;
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return payload;
    }

    /** A stored BSON value as a JSON tree, converted on the first {@link #getData()} and kept. */
    private static final class JsonOnDemand implements SerializedObject<JsonNode> {

        private final BsonValue stored;
        private final SerializedType type;
        private volatile JsonNode json;

        JsonOnDemand(BsonValue stored, SerializedType type) {
            this.stored = stored;
            this.type = type;
        }

        @Override
        public Class<JsonNode> getContentType() {
            return JsonNode.class;
        }

        @Override
        public SerializedType getType() {
            return type;
        }

        @Override
        public JsonNode getData() {
            JsonNode converted = json;
            if (converted == null) {
                converted = BsonJson.toJson(stored);
                json = converted;
            }
            return converted;
        }
    }
}
