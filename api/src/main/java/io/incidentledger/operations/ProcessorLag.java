package io.incidentledger.operations;

import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far each read model trails the event stream, in events: the head of the store minus the
 * position of the slowest segment this node processes. Published as the gauge
 * {@code incidentledger.processor.lag} with tag {@code processor}.
 */
@Component
class ProcessorLag {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("incidentledger.processor.lag", streaming, p -> of(p).orElse(0))
                        .description("Events the read model has not yet processed on this node")
                        .tag("processor", name)
                        .register(meters);
            }
        });
    }

    /** Empty when this node processes no segment of the processor. */
    OptionalLong of(StreamingEventProcessor processor) {
        var positions = processor.processingStatus().values().stream()
                .map(status -> status.getCurrentPosition())
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .toArray();
        if (positions.length == 0) {
            return OptionalLong.empty();
        }
        long slowest = java.util.Arrays.stream(positions).min().getAsLong();
        long head = head();
        return OptionalLong.of(Math.max(0, head - slowest));
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }
}
