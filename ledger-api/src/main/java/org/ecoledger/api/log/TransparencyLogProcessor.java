package org.ecoledger.api.log;

import java.util.Objects;
import java.util.OptionalLong;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ecoledger.core.logstore.TransparencyLogWriter;

/**
 * The log writer's place in Axon: the only handler of the tracking processor {@value #PROCESSING_GROUP}, which runs
 * with ONE segment. Its token claim in the shared token store is the single-writer role: the node that holds segment
 * 0 writes the log (and signs the scheduled checkpoints); another node takes over when the claim times out.
 *
 * <p>It sees every event (payloads are never deserialized) and, at the end of each batch, tells the writer which
 * global indexes were handled; the writer appends from its size through the last one, reading the leaves from the
 * store, and checks the leaves of replayed events against the stored ones. A failure propagates, so the batch is
 * retried and the token does not move past leaves that were not written.
 */
public final class TransparencyLogProcessor implements EventMessageHandler {

    /** The processing group and processor name. */
    public static final String PROCESSING_GROUP = "transparency-log";

    /** Events per batch: one store round-trip per batch keeps the lag under a second at ~1,000 appends/s. */
    public static final int BATCH_SIZE = 100;

    private static final String HANDLED = TransparencyLogProcessor.class.getName() + ".handled";

    private final TransparencyLogWriter writer;

    public TransparencyLogProcessor(TransparencyLogWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public Object handle(EventMessage<?> event) {
        long index = globalIndex(event);
        if (!CurrentUnitOfWork.isStarted()) {
            writer.handled(index, index);
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        long[] handled = unitOfWork.root().getOrComputeResource(HANDLED, key -> new long[]{index, index});
        handled[0] = Math.min(handled[0], index);
        handled[1] = Math.max(handled[1], index);
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && !batch.isLastMessage()) {
            return null;
        }
        writer.handled(handled[0], handled[1]);
        return null;
    }

    private static long globalIndex(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        throw new IllegalStateException("the transparency log needs events with a global index; got "
                + event.getClass().getName());
    }

    @Override
    public boolean supportsReset() {
        return true; // a reset replays; replayed leaves are checked, never appended again
    }
}
