package io.incidentledger.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import io.incidentledger.rebuild.Rebuilds;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of every read model's event processor on this node: DOWN when one is not running (and
 * not being rebuilt in bulk, see {@link Rebuilds#replayingInBulk()}) or a
 * segment is in error (its model stops following the stream), with each model's lag in events.
 * Shown under /actuator/health/eventProcessors.
 */
@Component("eventProcessors")
class EventProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final Rebuilds rebuilds;

    EventProcessorHealth(EventProcessingConfiguration processing, ProcessorLag lag, Rebuilds rebuilds) {
        this.processing = processing;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        var builder = Health.up();
        Map<String, Object> details = new LinkedHashMap<>();
        var inBulk = rebuilds.replayingInBulk();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            var statuses = processor.processingStatus().values();
            boolean erroneous = statuses.stream().anyMatch(s -> s.isErrorState());
            var detail = new LinkedHashMap<String, Object>();
            detail.put("running", processor.isRunning());
            detail.put("error", erroneous);
            detail.put("segmentsClaimedHere", statuses.size());
            detail.put("replaying", processor.isReplaying() || inBulk.contains(entry.getKey()));
            lag.of(processor).ifPresent(events -> detail.put("lagEvents", events));
            details.put(entry.getKey(), detail);
            // A model replayed in bulk has its processor stopped until the replay reaches the head.
            if ((!processor.isRunning() && !inBulk.contains(entry.getKey())) || erroneous) {
                builder = Health.down();
            }
        }
        return builder.withDetails(details).build();
    }
}
