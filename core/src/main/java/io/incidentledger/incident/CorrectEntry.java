package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects an earlier entry's text and/or time. History is never edited: the correction is an
 * entry of its own. Views show the corrected value; the audit trail shows both.
 *
 * <p>{@code replacementText} replaces one field of the corrected entry, the same in every view:
 * <table>
 *   <tr><th>entry</th><th>field replaced</th></tr>
 *   <tr><td>IncidentDetected</td><td>summary</td></tr>
 *   <tr><td>SeverityChanged</td><td>reason</td></tr>
 *   <tr><td>ImpactAssessed</td><td>description</td></tr>
 *   <tr><td>InternalNoteAdded</td><td>note</td></tr>
 *   <tr><td>PublicUpdatePosted</td><td>message</td></tr>
 *   <tr><td>IncidentContained</td><td>description</td></tr>
 *   <tr><td>IncidentFixed</td><td>resolution</td></tr>
 *   <tr><td>RootCauseIdentified</td><td>rootCause</td></tr>
 *   <tr><td>LessonRecorded</td><td>text</td></tr>
 *   <tr><td>ActionItemAdded</td><td>description</td></tr>
 *   <tr><td>IncidentReopened</td><td>reason</td></tr>
 *   <tr><td>IncidentLearned</td><td>postmortemSummary</td></tr>
 * </table>
 * Other entries have no text to replace ({@link Rejection#ENTRY_HAS_NO_TEXT}).
 * {@code correctedOccurredAt} moves the entry in time, within the rules its kind obeys.
 */
public record CorrectEntry(
        @TargetAggregateIdentifier IncidentId incidentId,
        long sequenceNumber,
        String reason,
        String replacementText,
        Instant correctedOccurredAt,
        Instant occurredAt) {

    public CorrectEntry {
        Texts.required("incidentId", incidentId);
        reason = Texts.text("reason", reason, Texts.TEXT);
        replacementText = Texts.optionalText("replacementText", replacementText, Texts.TEXT);
        if (replacementText == null && correctedOccurredAt == null) {
            throw new InvalidCommandException("replacementText", "or correctedOccurredAt is required");
        }
        if (sequenceNumber < 0) {
            throw new InvalidCommandException("sequenceNumber", "must not be negative");
        }
    }
}
