package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raises or lowers the severity, with the reason. */
public record ChangeSeverity(
        @TargetAggregateIdentifier IncidentId incidentId,
        Severity severity,
        String reason,
        Instant occurredAt) {

    public ChangeSeverity {
        Texts.required("incidentId", incidentId);
        Texts.required("severity", severity);
        reason = Texts.text("reason", reason, Texts.TEXT);
    }
}
