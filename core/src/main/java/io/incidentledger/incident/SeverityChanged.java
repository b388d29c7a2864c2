package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The severity moved, and why. */
@Revision("1")
public record SeverityChanged(
        IncidentId incidentId,
        Severity from,
        Severity to,
        String reason,
        Instant occurredAt) implements IncidentEvent {
}
