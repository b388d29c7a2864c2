package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Someone owns the incident: they become its commander. */
public record AcknowledgeIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        String commander,
        Instant occurredAt) {

    public AcknowledgeIncident {
        Texts.required("incidentId", incidentId);
        commander = Texts.line("commander", commander, Texts.NAME);
    }
}
