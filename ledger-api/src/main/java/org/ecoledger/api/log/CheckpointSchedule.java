package org.ecoledger.api.log;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.ecoledger.core.logstore.CheckpointPolicy;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.logstore.LogIntegrityException;
import org.ecoledger.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs checkpoints as the {@link CheckpointPolicy} says, on the node that holds the log writer's segment (so one
 * node signs the scheduled checkpoints). Checked every second.
 */
public class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpointer checkpointer;
    private final CheckpointPolicy policy;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;

    CheckpointSchedule(Checkpointer checkpointer, CheckpointPolicy policy,
                       ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        this.checkpointer = checkpointer;
        this.policy = policy;
        this.eventProcessing = eventProcessing;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 500)
    void signIfDue() {
        if (!checkpointer.canSign() || !holdsWriterSegment()) {
            return;
        }
        try {
            checkpointer.signIfDue(policy);
        } catch (LogIntegrityException e) {
            log.error("Refusing to sign a checkpoint: {}", e.getMessage());
        } catch (StoreUnavailableException e) {
            log.warn("Could not sign a checkpoint: {}", e.getMessage());
        }
    }

    /** Whether this node's log processor holds segment 0, i.e. is the log writer. */
    boolean holdsWriterSegment() {
        EventProcessingConfiguration processing = eventProcessing.getIfAvailable();
        return processing != null && processing
                .eventProcessor(TransparencyLogProcessor.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().containsKey(0))
                .orElse(false);
    }
}
