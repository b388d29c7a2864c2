package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A lesson: went well, went wrong, or got lucky. */
@Revision("1")
public record LessonRecorded(
        IncidentId incidentId,
        LessonCategory category,
        String text,
        Instant occurredAt) implements IncidentEvent {
}
