package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an internal note for responders; never shown to customers. */
public record AddInternalNote(
        @TargetAggregateIdentifier IncidentId incidentId,
        String note,
        Instant occurredAt) {

    public AddInternalNote {
        Texts.required("incidentId", incidentId);
        note = Texts.text("note", note, Texts.TEXT);
    }
}
