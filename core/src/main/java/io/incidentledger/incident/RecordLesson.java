package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what went well, what went wrong, or where we got lucky. */
public record RecordLesson(
        @TargetAggregateIdentifier IncidentId incidentId,
        LessonCategory category,
        String text,
        Instant occurredAt) {

    public RecordLesson {
        Texts.required("incidentId", incidentId);
        Texts.required("category", category);
        text = Texts.text("text", text, Texts.TEXT);
    }
}
