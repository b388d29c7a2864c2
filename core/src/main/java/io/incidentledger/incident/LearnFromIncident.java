package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the incident: the postmortem becomes final. */
public record LearnFromIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        String postmortemSummary,
        Instant occurredAt) {

    public LearnFromIncident {
        Texts.required("incidentId", incidentId);
        postmortemSummary = Texts.text("postmortemSummary", postmortemSummary, Texts.TEXT);
    }
}
