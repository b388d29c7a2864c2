package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the bleeding has stopped, and how. */
public record ContainIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        Mitigation mitigation,
        String description,
        Instant occurredAt) {

    public ContainIncident {
        Texts.required("incidentId", incidentId);
        Texts.required("mitigation", mitigation);
        description = Texts.text("description", description, Texts.TEXT);
    }
}
