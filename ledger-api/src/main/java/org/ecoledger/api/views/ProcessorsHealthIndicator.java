package org.ecoledger.api.views;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /actuator/health} component {@code processors}: for every tracking processor (the read views and the
 * transparency log), whether it runs, whether it is replaying, the position it has reached, the end of the log and
 * how far behind it is. A processor in error makes the component DOWN; a node that holds no segment of a processor
 * (another node builds it) says so.
 */
@Component("processors")
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = position(eventStore.createHeadToken());
        boolean failing = false;
        Map<String, Object> processors = new TreeMap<>();
        for (TrackingEventProcessor processor : processing.eventProcessors().values().stream()
                                                          .filter(TrackingEventProcessor.class::isInstance)
                                                          .map(TrackingEventProcessor.class::cast).toList()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            details.put("segmentsHeldHere", status.size());
            long position = status.values().stream().map(EventTrackerStatus::getTrackingToken)
                                  .mapToLong(ProcessorsHealthIndicator::position).min().orElse(-1);
            if (!status.isEmpty()) {
                details.put("position", position);
                details.put("lag", Math.max(0, head - position));
                details.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
            }
            failing |= processor.isError();
            processors.put(processor.getName(), details);
        }
        builder.status(failing ? org.springframework.boot.actuate.health.Status.DOWN
                               : org.springframework.boot.actuate.health.Status.UP)
               .withDetail("endOfLog", head)
               .withDetail("processors", processors);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
