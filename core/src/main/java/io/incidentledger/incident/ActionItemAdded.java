package io.incidentledger.incident;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** A follow-up with an owner team and an optional due date. */
@Revision("1")
public record ActionItemAdded(
        IncidentId incidentId,
        String actionItemId,
        String description,
        ActionItemKind kind,
        String ownerTeam,
        LocalDate dueDate,
        Instant occurredAt) implements IncidentEvent {
}
