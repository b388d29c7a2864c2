package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Closes the incident; the postmortem becomes final. */
@Revision("1")
public record IncidentLearned(
        IncidentId incidentId,
        String postmortemSummary,
        Instant occurredAt) implements IncidentEvent {
}
