package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the problem is fixed: components return to operational. */
public record FixIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        String resolution,
        String fixReference,
        Instant occurredAt) {

    public FixIncident {
        Texts.required("incidentId", incidentId);
        resolution = Texts.text("resolution", resolution, Texts.TEXT);
        fixReference = Texts.optionalLine("fixReference", fixReference, Texts.REFERENCE);
    }
}
