package io.incidentledger.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.incidentledger.incident.IncidentEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * One stored incident event as every read model folds it. Live projections build it from the
 * message Axon delivers; the as-of reconstruction builds it from events read back from the store.
 * Both feed the same fold functions, so both see the same view.
 *
 * @param sequenceNumber the event's position in its incident's stream (dense from 0); corrections refer to it
 * @param recordedAt     when Axon stored the event (the message timestamp), truncated to microseconds like
 *                       every time the databases keep, so a live view and a rebuilt one agree
 * @param actor          the authenticated principal, from metadata key {@value #ACTOR}; null when unknown
 * @param correlationId  from metadata key {@value #CORRELATION_ID}; null when unknown
 * @param event          the payload
 */
public record RecordedEvent(long sequenceNumber, Instant recordedAt, String actor, String correlationId,
                            IncidentEvent event) {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    public RecordedEvent {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static RecordedEvent of(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof IncidentEvent event)) {
            throw new IllegalArgumentException("not an incident event: " + message.getPayloadType().getName());
        }
        var metaData = message.getMetaData();
        return new RecordedEvent(message.getSequenceNumber(), message.getTimestamp(),
                text(metaData.get(ACTOR)), text(metaData.get(CORRELATION_ID)), event);
    }

    /**
     * The raw incident id of a message carrying an incident event, else null: the key
     * {@link BatchedViews#prefetching} needs.
     */
    public static String incidentIdOf(EventMessage<?> message) {
        return message.getPayload() instanceof IncidentEvent event ? event.incidentId().value() : null;
    }

    /** The raw incident id, the key of every per-incident view. */
    public String incidentId() {
        return event.incidentId().value();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
