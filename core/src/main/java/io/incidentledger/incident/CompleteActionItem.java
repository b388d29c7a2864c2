package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an action item done. */
public record CompleteActionItem(
        @TargetAggregateIdentifier IncidentId incidentId,
        String actionItemId,
        Instant occurredAt) {

    public CompleteActionItem {
        Texts.required("incidentId", incidentId);
        actionItemId = Texts.line("actionItemId", actionItemId, Texts.NAME);
    }
}
