package io.incidentledger.query.internaltimeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemCompleted;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.internaltimeline.InternalTimelineView.Correction;
import io.incidentledger.query.internaltimeline.InternalTimelineView.Entry;

/** Folds an incident's recorded events, in stream order, into its internal timeline. Pure. */
public final class InternalTimelineFold {

    private InternalTimelineFold() {
    }

    public static InternalTimelineView fold(String incidentId, List<RecordedEvent> events, Instant asOf) {
        var entries = new LinkedHashMap<Long, Entry>();
        long version = -1;
        for (var recorded : events) {
            if (recorded.sequenceNumber() <= version) {
                continue;
            }
            version = recorded.sequenceNumber();
            var event = recorded.event();
            Long corrects = null;
            if (event instanceof EntryCorrected correction) {
                corrects = correction.correctedSequenceNumber();
                entries.computeIfPresent(corrects, (seq, target) -> corrected(target, correction, recorded));
            }
            entries.put(recorded.sequenceNumber(), new Entry(recorded.sequenceNumber(), event.getClass().getSimpleName(),
                    summary(event, null), event.occurredAt(), recorded.recordedAt(), recorded.actor(),
                    recorded.correlationId(), event, List.of(), corrects));
        }
        var ordered = entries.values().stream()
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::sequenceNumber))
                .collect(Collectors.toCollection(ArrayList::new));
        return new InternalTimelineView(incidentId, version, asOf, ordered);
    }

    private static Entry corrected(Entry target, EntryCorrected correction, RecordedEvent recorded) {
        var corrections = new ArrayList<>(target.corrections());
        corrections.add(new Correction(recorded.sequenceNumber(), correction.reason(), correction.replacementText(),
                correction.correctedOccurredAt(), recorded.recordedAt(), recorded.actor()));
        var text = correction.replacementText() != null ? correction.replacementText() : latestText(target);
        var occurredAt = correction.correctedOccurredAt() != null ? correction.correctedOccurredAt() : target.occurredAt();
        return new Entry(target.sequenceNumber(), target.type(), summary(target.event(), text), occurredAt,
                target.recordedAt(), target.actor(), target.correlationId(), target.event(), corrections,
                target.correctsSequenceNumber());
    }

    private static String latestText(Entry entry) {
        for (int i = entry.corrections().size() - 1; i >= 0; i--) {
            if (entry.corrections().get(i).replacementText() != null) {
                return entry.corrections().get(i).replacementText();
            }
        }
        return null;
    }

    /** One line for a responder; {@code text}, when given, replaces the entry's own text. */
    static String summary(IncidentEvent event, String text) {
        if (event instanceof IncidentDetected e) {
            return "Detected (" + e.severity() + ", " + e.source() + "): " + e.title()
                    + or(text, e.summary() == null ? "" : " — " + e.summary(), " — ");
        } else if (event instanceof IncidentAcknowledged e) {
            return "Acknowledged; " + e.commander() + " is incident commander";
        } else if (event instanceof ResponderAssigned e) {
            return e.responder() + " joined as " + e.role();
        } else if (event instanceof ResponderReleased e) {
            return e.responder() + " left (" + e.role() + ")";
        } else if (event instanceof SeverityChanged e) {
            return "Severity " + e.from() + " → " + e.to() + ": " + or(text, e.reason());
        } else if (event instanceof ImpactAssessed e) {
            return "Impact assessed: " + or(text, e.description());
        } else if (event instanceof InternalNoteAdded e) {
            return "Note: " + or(text, e.note());
        } else if (event instanceof PublicUpdatePosted e) {
            return "Public update (" + e.status() + "): " + or(text, e.message());
        } else if (event instanceof IncidentContained e) {
            return "Contained (" + e.mitigation() + "): " + or(text, e.description());
        } else if (event instanceof IncidentFixed e) {
            return "Fixed: " + or(text, e.resolution());
        } else if (event instanceof RootCauseIdentified e) {
            return "Root cause: " + or(text, e.rootCause());
        } else if (event instanceof LessonRecorded e) {
            return "Lesson (" + e.category() + "): " + or(text, e.text());
        } else if (event instanceof ActionItemAdded e) {
            return "Action item " + e.actionItemId() + " (" + e.kind() + ", " + e.ownerTeam() + "): "
                    + or(text, e.description());
        } else if (event instanceof ActionItemCompleted e) {
            return "Action item " + e.actionItemId() + " completed";
        } else if (event instanceof EntryCorrected e) {
            return "Correction of entry " + e.correctedSequenceNumber() + ": " + e.reason();
        } else if (event instanceof IncidentReopened e) {
            return "Reopened: " + or(text, e.reason());
        } else if (event instanceof IncidentLearned e) {
            return "Learned; postmortem final: " + or(text, e.postmortemSummary());
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }

    private static String or(String replacement, String original) {
        return replacement != null ? replacement : original;
    }

    private static String or(String replacement, String original, String prefix) {
        return replacement != null ? prefix + replacement : original;
    }
}
