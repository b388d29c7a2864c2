package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An action item is done. */
@Revision("1")
public record ActionItemCompleted(
        IncidentId incidentId,
        String actionItemId,
        Instant occurredAt) implements IncidentEvent {
}
