package org.ecoledger.api.http.writes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ecoledger.api.http.idempotency.IdempotencyFilter;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends a command to the ledger and reads back the entry it stored.
 *
 * <p>Command handlers return nothing, and other requests may append to the same record at the same time, so the
 * command carries a fresh request id in its metadata ({@value #REQUEST_ID}); the application's correlation data
 * provider copies it into the metadata of the event the handler applies, where it is stored and hashed with the
 * entry. After the command, the writer looks for the entry with that request id backwards from the record's head,
 * by exact keys. A command that loses a race with another node ({@link ConcurrencyException}, nothing appended) is
 * sent again, up to {@link #ATTEMPTS} times.
 *
 * <p>A request with an {@code Idempotency-Key} writes with the request id its key gives
 * ({@link IdempotencyFilter#REQUEST_ID_ATTRIBUTE}). When it retries an attempt that failed with a 5xx
 * ({@link IdempotencyFilter#RETRY_ATTRIBUTE}) — the store went away, perhaps after the write landed — the writer
 * first looks for an entry with that request id near the record's head: if the failed attempt stored it, that entry
 * is made durable and answered, and nothing is written twice.
 */
public class LedgerWriter {

    /** The metadata key of the request id, stored with every event the API writes. */
    public static final String REQUEST_ID = "requestId";
    /**
     * The metadata key of an imported row's key (a hash of the row's content, see {@code docs/imports.md}), stored
     * with the entry the row appended, so that importing the same row again appends nothing.
     */
    public static final String IMPORT_KEY = "importKey";
    /** How many times a command is sent when it loses a race with another node's append. */
    public static final int ATTEMPTS = 3;
    /** How far back from the head the written entry is looked for. */
    public static final int LOOKBACK = 1_024;
    private static final int WINDOW = 16;

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final RecordVerifier records;
    private final StoreDurability durability;

    public LedgerWriter(CommandGateway gateway, EventStore eventStore, RecordVerifier records,
                        StoreDurability durability) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.records = records;
        this.durability = durability;
    }

    /**
     * Sends {@code command} to the record {@code aggregateId} and returns the entry it stored.
     *
     * @throws RuntimeException whatever the command's handler or the store raised (the advice maps it)
     */
    public WriteReceipt write(Object command, String aggregateId) {
        String requestId = requestAttribute(IdempotencyFilter.REQUEST_ID_ATTRIBUTE) instanceof String keyed ? keyed
                : UUID.randomUUID().toString();
        if (Boolean.TRUE.equals(requestAttribute(IdempotencyFilter.RETRY_ATTRIBUTE))) {
            Optional<StoredEntry> landed = findIfStored(aggregateId, requestId);
            if (landed.isPresent()) {
                durability.awaitDurable(); // the failed attempt's write may not have been made durable
                return receipt(landed.get());
            }
        }
        send(command, requestId);
        return receipt(find(aggregateId, requestId));
    }

    private static Object requestAttribute(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }

    /** The entry of {@code requestId} within {@link #LOOKBACK} of the record's head, if the record has it. */
    private Optional<StoredEntry> findIfStored(String aggregateId, String requestId) {
        if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(find(aggregateId, requestId));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** No entry of a request near the head of its record. */
    private static final class NotFound extends IllegalStateException {
        NotFound(String message) {
            super(message);
        }
    }

    /** Sends {@code command} without reading anything back (the access log's lines). */
    public void send(Object command) {
        send(command, UUID.randomUUID().toString());
    }

    private void send(Object command, String requestId) {
        for (int attempt = 1; ; attempt++) {
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                         .andMetaData(Map.of(REQUEST_ID, requestId)));
                return;
            } catch (AggregateStreamCreationException e) {
                throw e;
            } catch (ConcurrencyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private StoredEntry find(String aggregateId, String requestId) {
        long head = eventStore.lastSequenceNumberFor(aggregateId)
                              .orElseThrow(() -> new IllegalStateException("record " + aggregateId
                                                                                   + " has no head after a write"));
        long lowest = Math.max(0, head - LOOKBACK);
        for (long to = head; to >= lowest; to -= WINDOW) {
            long from = Math.max(lowest, to - WINDOW + 1);
            List<StoredEntry> entries = records.storedEntries(aggregateId, from);
            for (int i = entries.size() - 1; i >= 0; i--) {
                StoredEntry entry = entries.get(i);
                if (entry.entry().sequence() > to) {
                    continue;
                }
                JsonNode id = entry.entry().metadata().get(REQUEST_ID);
                if (id != null && requestId.equals(id.asText())) {
                    return entry;
                }
            }
            if (from == 0) {
                break;
            }
        }
        throw new NotFound("the entry of request " + requestId + " is not within " + LOOKBACK
                                   + " entries of the head of " + aggregateId);
    }

    static WriteReceipt receipt(StoredEntry stored) {
        ChainEntry entry = stored.entry();
        return new WriteReceipt(entry.sequence(), entry.eventId(), StoredTypes.name(entry.payloadType()),
                                entry.timestamp(), entry.prevHash(), stored.storedHash());
    }
}
