package io.incidentledger.incident;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a follow-up that makes a repeat less likely, found sooner or hurt less. */
public record AddActionItem(
        @TargetAggregateIdentifier IncidentId incidentId,
        String actionItemId,
        String description,
        ActionItemKind kind,
        String ownerTeam,
        LocalDate dueDate,
        Instant occurredAt) {

    public AddActionItem {
        Texts.required("incidentId", incidentId);
        actionItemId = Texts.line("actionItemId", actionItemId, Texts.NAME);
        description = Texts.text("description", description, Texts.TEXT);
        Texts.required("kind", kind);
        ownerTeam = Texts.line("ownerTeam", ownerTeam, Texts.NAME);
    }
}
