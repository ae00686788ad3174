package org.ecoledger.api.http.writes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.reference.EventSourcedReferenceDirectory;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.RecordVerifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Appends many entries to one record in a single commit: the path of imports and of the demo city.
 *
 * <p>Each command goes through the command bus exactly as a single append does (same handler, same rules, same
 * interceptors), but all of them inside one unit of work: every command runs in a nested unit of work, so a
 * command its rule refuses rolls back alone and stores nothing, while the accepted ones see each other's effects
 * (the record's state moves on after each) and are committed together as one commit document: all of them or, if
 * the store fails, none. The store's group commit makes the whole batch durable before {@link #write} returns.
 *
 * <p>A batch that loses a race with another node's append to the same record ({@link ConcurrencyException},
 * nothing stored) is run again from the new head, up to {@link LedgerWriter#ATTEMPTS} times; the rules are then
 * judged against the new state. A conditional batch ({@link #writeAfter}) is not: it is stored only right after the
 * entry its writer last read, so a writer that decides from what the record holds (an import skipping the rows
 * already there) decides again instead of appending on top of entries it has not seen.
 */
public class BatchWriter {

    /** The most commands in one batch (one commit document; the store allows {@value LedgerEventStorageEngine#MAX_EVENTS_PER_COMMIT}). */
    public static final int MAX_BATCH = 500;

    /** How far below the batch's expected first entry the read-back starts (other nodes' appends meanwhile). */
    private static final int SLACK = 64;

    private final CommandBus commandBus;
    private final EventStore eventStore;
    private final RecordVerifier records;
    private final Supplier<? extends Repository<?>> recordRepository;

    /**
     * @param recordRepository the repository of the records the batches write to (officials' records), asked for
     *                         the record's version inside a conditional batch's unit of work
     */
    public BatchWriter(CommandBus commandBus, EventStore eventStore, RecordVerifier records,
                       Supplier<? extends Repository<?>> recordRepository) {
        this.commandBus = commandBus;
        this.eventStore = eventStore;
        this.records = records;
        this.recordRepository = recordRepository;
    }

    /** What became of one command of a batch: the entry it stored, or the exception that refused it. */
    public record Outcome(WriteReceipt receipt, Throwable refusal) {

        public boolean appended() {
            return refusal == null;
        }
    }

    /**
     * Sends {@code commands}, all addressed to the record {@code aggregateId}, in one commit; returns one outcome
     * per command, in order.
     *
     * @throws IllegalArgumentException when there are more than {@link #MAX_BATCH} commands
     * @throws RuntimeException         when the commit fails (nothing of the batch is stored)
     */
    public List<Outcome> write(String aggregateId, List<?> commands) {
        return send(aggregateId, commands, Collections.nCopies(commands.size(), Map.of()), true, null);
    }

    /**
     * As {@link #write(String, List)}, each command with metadata of its own (for instance an import's row key,
     * {@link LedgerWriter#IMPORT_KEY}), which the application's correlation data copies into the stored, hashed
     * metadata of the entry the command appends.
     *
     * @param metadata one map per command, in the same order
     */
    public List<Outcome> write(String aggregateId, List<?> commands, List<? extends Map<String, ?>> metadata) {
        return send(aggregateId, commands, metadata, true, null);
    }

    /**
     * As {@link #write(String, List, List)}, on one condition: the record's last entry is still {@code expectedHead}
     * (-1: there is no record yet), so the batch's first entry is stored right after it. The record the commands are
     * handled on is checked before the first command, and the store's unique key on a record's next entry makes two
     * commits that follow the same entry collide, on this node or another; in either case nothing of the batch is
     * stored and {@link RecordMovedException} is thrown, without trying again.
     *
     * @throws RecordMovedException when an entry was appended after {@code expectedHead}
     */
    public List<Outcome> writeAfter(String aggregateId, long expectedHead, List<?> commands,
                                    List<? extends Map<String, ?>> metadata) {
        return send(aggregateId, commands, metadata, true, expectedHead);
    }

    /**
     * As {@link #write}, without reading the stored entries back (two queries less per batch), for a caller that
     * needs only to know which commands were refused: the demo city's loader.
     *
     * @return one outcome per command, in order; an appended one has no receipt, only {@link Outcome#appended()}
     */
    public List<Outcome> append(String aggregateId, List<?> commands) {
        return send(aggregateId, commands, Collections.nCopies(commands.size(), Map.of()), false, null);
    }

    private List<Outcome> send(String aggregateId, List<?> commands, List<? extends Map<String, ?>> metadata,
                               boolean receipts, Long expectedHead) {
        if (metadata.size() != commands.size()) {
            throw new IllegalArgumentException("one metadata map per command: " + metadata.size() + " for "
                                                       + commands.size() + " commands");
        }
        if (commands.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " commands, not "
                                                       + commands.size());
        }
        if (commands.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(aggregateId, commands, metadata, receipts, expectedHead);
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (expectedHead != null) {
                    throw new RecordMovedException(aggregateId, expectedHead, "another commit followed it first", e);
                }
                if (e instanceof AggregateStreamCreationException || attempt >= LedgerWriter.ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<Outcome> attempt(String aggregateId, List<?> commands, List<? extends Map<String, ?>> metadata,
                                  boolean receipts, Long expectedHead) {
        List<String> requestIds = new ArrayList<>(commands.size());
        List<Throwable> refusals = new ArrayList<>(Collections.nCopies(commands.size(), null));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("batch of " + aggregateId));
        // places are read once per batch, not once per command (see EventSourcedReferenceDirectory)
        batch.resources().put(EventSourcedReferenceDirectory.BATCH_CACHE, new HashMap<String, Object>());
        try {
            if (expectedHead != null && expectedHead >= 0) {
                // Loaded into the batch's unit of work: the commands below are handled on this very instance.
                Long head = recordRepository.get().load(aggregateId).version();
                if (head == null || head.longValue() != expectedHead.longValue()) {
                    throw new RecordMovedException(aggregateId, expectedHead, "its last entry is " + head, null);
                }
            }
            for (int i = 0; i < commands.size(); i++) {
                String requestId = UUID.randomUUID().toString();
                requestIds.add(requestId);
                AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
                Map<String, Object> commandMetadata = new HashMap<>(metadata.get(i));
                commandMetadata.put(LedgerWriter.REQUEST_ID, requestId);
                commandBus.dispatch(GenericCommandMessage.asCommandMessage(commands.get(i))
                                                         .andMetaData(commandMetadata),
                                    (command, answer) -> result.set(answer));
                CommandResultMessage<?> answer = result.get();
                if (answer == null) {
                    throw new IllegalStateException("the command bus answered asynchronously; a batch needs the "
                                                            + "caller's thread to handle its commands");
                }
                if (answer.isExceptional()) {
                    Throwable refusal = answer.exceptionResult();
                    if (!isRefusal(refusal)) {
                        throw asRuntime(refusal);
                    }
                    refusals.set(i, refusal);
                }
            }
            batch.commit();
        } catch (RuntimeException | Error e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            throw e;
        }
        if (!receipts) {
            return refusals.stream().map(refusal -> new Outcome(null, refusal)).toList();
        }
        return outcomes(aggregateId, requestIds, refusals);
    }

    /**
     * Whether a command's failure is its own (the entry is refused and the batch goes on) rather than the store's
     * or the batch's (which ends it): rule violations, invalid entries and unknown references are the command's.
     */
    private static boolean isRefusal(Throwable failure) {
        return !(failure instanceof ConcurrencyException)
               && !(failure instanceof org.axonframework.eventsourcing.eventstore.EventStoreException)
               && !(failure instanceof org.ecoledger.core.store.StoreUnavailableException)
               && !(failure instanceof Error);
    }

    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    private List<Outcome> outcomes(String aggregateId, List<String> requestIds, List<Throwable> refusals) {
        long accepted = refusals.stream().filter(r -> r == null).count();
        Map<String, StoredEntry> stored = new HashMap<>();
        if (accepted > 0) {
            // The batch's entries are the last `accepted` at the moment of the commit; appends by others since
            // then can only lie above them, so the read starts a little below and widens if it must.
            long head = eventStore.lastSequenceNumberFor(aggregateId)
                                  .orElseThrow(() -> new IllegalStateException("record " + aggregateId
                                                                                       + " has no head after a batch"));
            long from = Math.max(0, head - accepted + 1 - SLACK);
            while (true) {
                for (StoredEntry entry : records.storedEntries(aggregateId, from)) {
                    String requestId = requestIdOf(entry);
                    if (requestId != null) {
                        stored.put(requestId, entry);
                    }
                }
                if (requestIds.stream().filter(id -> stored.containsKey(id)).count() == accepted || from == 0) {
                    break;
                }
                from = 0;
            }
        }
        List<Outcome> outcomes = new ArrayList<>(requestIds.size());
        for (int i = 0; i < requestIds.size(); i++) {
            if (refusals.get(i) != null) {
                outcomes.add(new Outcome(null, refusals.get(i)));
            } else {
                StoredEntry entry = stored.get(requestIds.get(i));
                if (entry == null) {
                    throw new IllegalStateException("entry " + i + " of a batch to " + aggregateId
                                                            + " was committed but is not in the record");
                }
                outcomes.add(new Outcome(LedgerWriter.receipt(entry), null));
            }
        }
        return outcomes;
    }

    private static String requestIdOf(StoredEntry entry) {
        JsonNode id = entry.entry().metadata().get(LedgerWriter.REQUEST_ID);
        return id == null ? null : id.asText();
    }
}
