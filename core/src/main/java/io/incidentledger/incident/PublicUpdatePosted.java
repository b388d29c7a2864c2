package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The only source of customer-facing text. */
@Revision("1")
public record PublicUpdatePosted(
        IncidentId incidentId,
        String message,
        PublicStatus status,
        Instant nextUpdateDue,
        Instant occurredAt) implements IncidentEvent {
}
