package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Someone owns the incident; the commander. */
@Revision("1")
public record IncidentAcknowledged(
        IncidentId incidentId,
        String commander,
        Instant occurredAt) implements IncidentEvent {
}
