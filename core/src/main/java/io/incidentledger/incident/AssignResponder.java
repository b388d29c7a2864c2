package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pulls a person into the response in a role; assigning a commander hands command over. */
public record AssignResponder(
        @TargetAggregateIdentifier IncidentId incidentId,
        String responder,
        ResponderRole role,
        Instant occurredAt) {

    public AssignResponder {
        Texts.required("incidentId", incidentId);
        responder = Texts.line("responder", responder, Texts.NAME);
        Texts.required("role", role);
    }
}
