package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a responder go. */
public record ReleaseResponder(
        @TargetAggregateIdentifier IncidentId incidentId,
        String responder,
        Instant occurredAt) {

    public ReleaseResponder {
        Texts.required("incidentId", incidentId);
        responder = Texts.line("responder", responder, Texts.NAME);
    }
}
