package io.incidentledger.query.internaltimeline;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.IncidentEvent;

/**
 * Everything recorded about one incident, for responders: every entry with who recorded it, when
 * it occurred and when it was recorded, in the order it occurred (ties keep recorded order).
 * Corrected entries show their corrected text and time, and what they were before.
 *
 * @param version the sequence number of the latest entry included
 * @param asOf    the recorded instant the timeline is reconstructed at; null for "now"
 */
public record InternalTimelineView(String incidentId, long version, Instant asOf, List<Entry> entries) {

    public InternalTimelineView {
        entries = List.copyOf(entries);
    }

    /**
     * @param type                   the event's name, e.g. {@code PublicUpdatePosted}
     * @param summary                one line a responder reads, corrections applied
     * @param occurredAt             when it happened, corrections applied
     * @param event                  the entry exactly as recorded
     * @param corrections            the corrections of this entry, oldest first
     * @param correctsSequenceNumber for a correction, the entry it corrects
     */
    public record Entry(long sequenceNumber, String type, String summary, Instant occurredAt, Instant recordedAt,
                        String actor, String correlationId, IncidentEvent event, List<Correction> corrections,
                        Long correctsSequenceNumber) {

        public Entry {
            corrections = List.copyOf(corrections);
        }

        public boolean corrected() {
            return !corrections.isEmpty();
        }
    }

    /** A correction applied to an entry: why, by whom, and what it changed. */
    public record Correction(long sequenceNumber, String reason, String replacementText, Instant correctedOccurredAt,
                             Instant recordedAt, String actor) {
    }
}
