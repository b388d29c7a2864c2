package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** What customers suffer. The impact start may precede detection. */
@Revision("1")
public record ImpactAssessed(
        IncidentId incidentId,
        String description,
        Instant impactStartedAt,
        Double affectedUsersPercent,
        List<AffectedComponent> components,
        Instant occurredAt) implements IncidentEvent {
}
