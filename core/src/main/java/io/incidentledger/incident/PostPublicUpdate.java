package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tells customers what is going on; the only source of customer-facing text. */
public record PostPublicUpdate(
        @TargetAggregateIdentifier IncidentId incidentId,
        String message,
        PublicStatus status,
        Instant nextUpdateDue,
        Instant occurredAt) {

    public PostPublicUpdate {
        Texts.required("incidentId", incidentId);
        message = Texts.text("message", message, Texts.TEXT);
        Texts.required("status", status);
    }
}
