package io.incidentledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemCompleted;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;

/**
 * A realistic full lifecycle, shared by the postmortem and analytics tests: a deploy at 09:12
 * noted in the lead-up, customer impact from 09:13, detection at 09:20, a rollback, a fix that
 * regressed, a reopening, a second fix, the 5 whys, lessons, action items, two corrections (one
 * of text and time, one of time) and learning. People: maria (commander), Bob O'Neil
 * (operations), j.doe (communications, only ever an actor), Carla (named in a note before she
 * joins), Dana (only ever corrects).
 */
public final class ReopenedOutageStory {

    public static final String ID = "INC-42";
    public static final List<String> PEOPLE = List.of("maria", "Bob O'Neil", "j.doe", "Carla", "Dana");

    private ReopenedOutageStory() {
    }

    public static Instant at(String time) {
        return Instant.parse("2025-03-14T" + time + "Z");
    }

    /** The whole story; {@code upTo} events of it (from sequence 0) when shorter. */
    public static IncidentStream stream(int upTo) {
        var id = new IncidentId(ID);
        var stream = new IncidentStream(ID, at("09:20:05"));
        var events = List.<Object[]>of(
                e("maria", new IncidentDetected(id, "Checkout errors after deploy", Severity.SEV2,
                        "Checkout API returns 500 for a third of requests", List.of("checkout", "payments"),
                        DetectionSource.MONITORING, at("09:20:00"))),
                e("maria", new IncidentAcknowledged(id, "maria", at("09:22:30"))),
                e("maria", new ResponderAssigned(id, "Bob O'Neil", ResponderRole.OPERATIONS, at("09:23:00"))),
                e("maria", new InternalNoteAdded(id, "Deploy 4711 by Bob O'Neil went out at 09:12", at("09:12:00"))),
                e("maria", new ImpactAssessed(id, "EU customers cannot pay", at("09:13:00"), 33.5,
                        List.of(new AffectedComponent("checkout", ComponentStatus.MAJOR_OUTAGE),
                                new AffectedComponent("payments", ComponentStatus.PARTIAL_OUTAGE)), at("09:25:00"))),
                e("j.doe", new PublicUpdatePosted(id, "We are investigating failed checkouts.",
                        PublicStatus.INVESTIGATING, at("09:56:00"), at("09:26:00"))),
                e("maria", new SeverityChanged(id, Severity.SEV2, Severity.SEV1,
                        "MARIA escalates: every EU checkout fails", at("09:26:40"))),
                e("j.doe", new InternalNoteAdded(id, "j.doe drafts the status text; Carla is on her way",
                        at("09:26:10"))),
                e("Bob O'Neil", new IncidentContained(id, Mitigation.ROLLBACK,
                        "bob o'neil rolls back deploy 4711", at("09:40:00"))),
                e("maria", new IncidentFixed(id, "Reverted the pool size change", "PR-981", at("09:55:00"))),
                e("maria", new IncidentReopened(id, "Errors are back: the revert missed payments", at("10:30:00"))),
                e("maria", new ResponderAssigned(id, "Carla", ResponderRole.SUBJECT_MATTER_EXPERT, at("10:31:00"))),
                e("Carla", new InternalNoteAdded(id, "Found a second pool override in payments", at("10:50:00"))),
                e("Carla", new IncidentFixed(id, "Removed the second pool override", "PR-990", at("11:10:00"))),
                e("j.doe", new PublicUpdatePosted(id, "Checkouts work again.", PublicStatus.RESOLVED, null,
                        at("11:12:00"))),
                e("maria", new RootCauseIdentified(id, List.of("Checkout failed because connections ran out",
                        "The pool was set to 2 by Bob O'Neil's change"), "A config change shrank the DB pool",
                        "Deploy 4711", "Load tests use one connection", at("11:20:00"))),
                e("maria", new LessonRecorded(id, LessonCategory.WENT_WELL, "Monitoring paged in 7 minutes",
                        at("11:25:00"))),
                e("maria", new LessonRecorded(id, LessonCategory.WENT_WRONG, "The first revert missed payments",
                        at("11:26:00"))),
                e("maria", new LessonRecorded(id, LessonCategory.GOT_LUCKY, "It happened outside peak hours",
                        at("11:27:00"))),
                e("maria", new ActionItemAdded(id, "AI-1", "Alert on pool exhaustion", ActionItemKind.DETECT,
                        "platform", LocalDate.parse("2025-04-01"), at("11:28:00"))),
                e("maria", new ActionItemAdded(id, "AI-2", "Load test with the production pool size",
                        ActionItemKind.PREVENT, "payments", null, at("11:29:00"))),
                e("maria", new ActionItemCompleted(id, "AI-1", at("11:30:00"))),
                e("Dana", new EntryCorrected(id, 8, "Wrong deploy number and time",
                        "Bob O'Neil rolls back deploy 4712", at("09:38:00"), at("11:35:00"))),
                e("Dana", new EntryCorrected(id, 1, "The pager log shows an earlier acknowledgement", null,
                        at("09:21:30"), at("11:36:00"))),
                e("maria", new IncidentLearned(id, "A shrunken pool broke checkout twice; maria and carla fixed it",
                        at("12:00:00"))));
        var lastRecordedAt = Instant.MIN;
        for (var event : events.subList(0, Math.min(upTo, events.size()))) {
            // recorded 5 s after it occurred, in stream order: a lead-up note is recorded when typed
            var incidentEvent = (IncidentEvent) event[1];
            var recordedAt = incidentEvent.occurredAt().plusSeconds(5);
            lastRecordedAt = recordedAt.isAfter(lastRecordedAt) ? recordedAt : lastRecordedAt.plusSeconds(1);
            stream.recordingAt(lastRecordedAt).record(incidentEvent, (String) event[0]);
        }
        return stream;
    }

    public static IncidentStream stream() {
        return stream(Integer.MAX_VALUE);
    }

    private static Object[] e(String actor, IncidentEvent event) {
        return new Object[] {actor, event};
    }
}
