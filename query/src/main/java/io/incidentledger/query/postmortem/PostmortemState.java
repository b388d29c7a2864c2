package io.incidentledger.query.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;

/**
 * What the postmortem projection remembers of one incident: raw, names included, corrections
 * applied. Never served: {@link PostmortemDocument} turns it into the blameless view, so a name
 * learned late is still scrubbed from text recorded early. Sections point at their timeline
 * entry by sequence number, so a correction changes one place. A correction that targets no
 * entry changes nothing shown, but is kept in strayCorrections: its author is a person whose name
 * must still be scrubbed.
 *
 * @param version the last applied sequence number; -1 before the first event
 */
record PostmortemState(
        String incidentId,
        long version,
        String title,
        Severity severity,
        List<String> services,
        DetectionSource source,
        Impact impact,
        List<RootCause> rootCauses,
        List<ActionItem> actionItems,
        List<Entry> entries,
        List<Correction> strayCorrections) {

    PostmortemState {
        services = List.copyOf(services);
        rootCauses = List.copyOf(rootCauses);
        actionItems = List.copyOf(actionItems);
        entries = List.copyOf(entries);
        strayCorrections = List.copyOf(strayCorrections);
    }

    static PostmortemState empty(String incidentId) {
        return new PostmortemState(incidentId, -1, null, null, List.of(), null, null, List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * One event as the timeline shows it. The headline is built from the event's fields
     * without any person in it; the person (commander or responder) is kept apart to be
     * shown by role; text is the part a correction may replace.
     */
    record Entry(long sequenceNumber, TimelineKind kind, Instant occurredAt, Instant recordedAt, String actor,
                 String person, String detail, String headline, String text, List<Correction> corrections) {

        Entry {
            corrections = List.copyOf(corrections);
        }

        Entry corrected(Correction correction, String replacementText, Instant correctedOccurredAt) {
            var all = new ArrayList<>(corrections);
            all.add(correction);
            return new Entry(sequenceNumber, kind, correctedOccurredAt == null ? occurredAt : correctedOccurredAt,
                    recordedAt, actor, person, detail, headline, replacementText == null ? text : replacementText, all);
        }
    }

    record Correction(long sequenceNumber, String actor, String reason) {
    }

    /** Each field holds its latest known value; the description is the latest assessment's (entry impactSequenceNumber). */
    record Impact(long sequenceNumber, Instant impactStartedAt, Double affectedUsersPercent,
                  List<AffectedComponent> components) {

        Impact {
            components = List.copyOf(components);
        }
    }

    /** The root cause text itself is the entry's text (correctable). */
    record RootCause(long sequenceNumber, List<String> whys, String trigger, String whyNotCaught) {

        RootCause {
            whys = List.copyOf(whys);
        }
    }

    /** The description is the entry's text (correctable). */
    record ActionItem(long sequenceNumber, String id, ActionItemKind kind, String ownerTeam, LocalDate dueDate,
                      Long completedSequenceNumber) {
    }
}
