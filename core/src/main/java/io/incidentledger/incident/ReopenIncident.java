package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The problem came back: a fixed incident returns to acknowledged, keeping every entry. */
public record ReopenIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        String reason,
        Instant occurredAt) {

    public ReopenIncident {
        Texts.required("incidentId", incidentId);
        reason = Texts.text("reason", reason, Texts.TEXT);
    }
}
