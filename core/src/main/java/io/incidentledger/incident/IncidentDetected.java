package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** Starts an incident's stream. */
@Revision("1")
public record IncidentDetected(
        IncidentId incidentId,
        String title,
        Severity severity,
        String summary,
        List<String> affectedServices,
        DetectionSource source,
        Instant occurredAt) implements IncidentEvent {
}
