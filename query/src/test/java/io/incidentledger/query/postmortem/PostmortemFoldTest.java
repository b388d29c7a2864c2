package io.incidentledger.query.postmortem;

import static io.incidentledger.query.ReopenedOutageStory.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.ReopenedOutageStory;
import io.incidentledger.query.postmortem.PostmortemView.ActionItem;
import io.incidentledger.query.postmortem.PostmortemView.ActionItemStatus;
import io.incidentledger.query.postmortem.PostmortemView.Component;
import io.incidentledger.query.postmortem.PostmortemView.Containment;
import io.incidentledger.query.postmortem.PostmortemView.Detection;
import io.incidentledger.query.postmortem.PostmortemView.Fix;
import io.incidentledger.query.postmortem.PostmortemView.Impact;
import io.incidentledger.query.postmortem.PostmortemView.Lessons;
import io.incidentledger.query.postmortem.PostmortemView.Participant;
import io.incidentledger.query.postmortem.PostmortemView.Resolution;
import io.incidentledger.query.postmortem.PostmortemView.ResponseMetrics;
import io.incidentledger.query.postmortem.PostmortemView.RootCause;
import io.incidentledger.query.postmortem.PostmortemView.Status;
import io.incidentledger.query.postmortem.PostmortemView.TimelineEntry;
import org.junit.jupiter.api.Test;

class PostmortemFoldTest {

    private static final String IC = "Incident commander";

    static PostmortemState fold(List<RecordedEvent> events) {
        PostmortemState state = null;
        for (var event : events) {
            state = PostmortemFold.apply(state, event);
        }
        return state;
    }

    private static TimelineEntry entry(long seq, String occurred, String recorded, TimelineKind kind, String actor,
                                       String text, String... correctionReasons) {
        return new TimelineEntry(seq, at(occurred), at(recorded), kind, actor, text, correctionReasons.length > 0,
                List.of(correctionReasons));
    }

    @Test
    void aFullLifecycleWithReopeningAndCorrectionsGivesTheBlamelessFinalPostmortem() {
        var view = PostmortemDocument.render(fold(ReopenedOutageStory.stream().recorded()));

        var leadUpNote = entry(3, "09:12:00", "09:23:06", TimelineKind.INTERNAL_NOTE, IC,
                "Internal note: Deploy 4711 by Responder 1 went out at 09:12");
        var expected = new PostmortemView(
                "INC-42",
                24,
                "Checkout errors after deploy",
                Status.FINAL,
                Severity.SEV1,
                List.of("checkout", "payments"),
                "A shrunken pool broke checkout twice; Incident commander and Responder 3 fixed it",
                new Impact("EU customers cannot pay", at("09:13:00"), 33.5, List.of(
                        new Component("checkout", ComponentStatus.MAJOR_OUTAGE),
                        new Component("payments", ComponentStatus.PARTIAL_OUTAGE))),
                List.of(new RootCause(at("11:20:00"), List.of("Checkout failed because connections ran out",
                        "The pool was set to 2 by Responder 1's change"), "A config change shrank the DB pool",
                        "Deploy 4711", "Load tests use one connection")),
                new Resolution(
                        List.of(new Containment(at("09:38:00"), Mitigation.ROLLBACK,
                                "Responder 1 rolls back deploy 4712")),
                        List.of(new Fix(at("09:55:00"), "Reverted the pool size change", "PR-981"),
                                new Fix(at("11:10:00"), "Removed the second pool override", "PR-990"))),
                new Detection(DetectionSource.MONITORING, at("09:20:00"), 420L),
                List.of(new ActionItem("AI-1", "Alert on pool exhaustion", ActionItemKind.DETECT, "platform",
                                ActionItemStatus.DONE, LocalDate.parse("2025-04-01"), at("11:30:00")),
                        new ActionItem("AI-2", "Load test with the production pool size", ActionItemKind.PREVENT,
                                "payments", ActionItemStatus.OPEN, null, null)),
                new Lessons(List.of("Monitoring paged in 7 minutes"), List.of("The first revert missed payments"),
                        List.of("It happened outside peak hours")),
                List.of(leadUpNote),
                List.of(leadUpNote,
                        entry(0, "09:20:00", "09:20:05", TimelineKind.DETECTED, IC,
                                "Detected by monitoring as SEV2: Checkout API returns 500 for a third of requests"),
                        entry(1, "09:21:30", "09:22:35", TimelineKind.ACKNOWLEDGED, IC,
                                "Incident commander acknowledged the incident and took command",
                                "The pager log shows an earlier acknowledgement"),
                        entry(2, "09:23:00", "09:23:05", TimelineKind.RESPONDER_ASSIGNED, IC,
                                "Responder 1 joined as operations"),
                        entry(4, "09:25:00", "09:25:05", TimelineKind.IMPACT_ASSESSED, IC,
                                "Impact assessed: EU customers cannot pay"),
                        entry(5, "09:26:00", "09:26:05", TimelineKind.PUBLIC_UPDATE, "Responder 2",
                                "Public update (investigating): We are investigating failed checkouts."),
                        entry(6, "09:26:40", "09:26:45", TimelineKind.SEVERITY_CHANGED, IC,
                                "Severity changed from SEV2 to SEV1: Incident commander escalates: every EU checkout fails"),
                        // same minute as the two before, earlier exact time: stays in recorded order
                        entry(7, "09:26:10", "09:26:46", TimelineKind.INTERNAL_NOTE, "Responder 2",
                                "Internal note: Responder 2 drafts the status text; Responder 3 is on her way"),
                        entry(8, "09:38:00", "09:40:05", TimelineKind.CONTAINED, "Responder 1",
                                "Contained by rollback: Responder 1 rolls back deploy 4712",
                                "Wrong deploy number and time"),
                        entry(9, "09:55:00", "09:55:05", TimelineKind.FIXED, IC,
                                "Fixed (PR-981): Reverted the pool size change"),
                        entry(10, "10:30:00", "10:30:05", TimelineKind.REOPENED, IC,
                                "Reopened: Errors are back: the revert missed payments"),
                        entry(11, "10:31:00", "10:31:05", TimelineKind.RESPONDER_ASSIGNED, IC,
                                "Responder 3 joined as subject matter expert"),
                        entry(12, "10:50:00", "10:50:05", TimelineKind.INTERNAL_NOTE, "Responder 3",
                                "Internal note: Found a second pool override in payments"),
                        entry(13, "11:10:00", "11:10:05", TimelineKind.FIXED, "Responder 3",
                                "Fixed (PR-990): Removed the second pool override"),
                        entry(14, "11:12:00", "11:12:05", TimelineKind.PUBLIC_UPDATE, "Responder 2",
                                "Public update (resolved): Checkouts work again."),
                        entry(15, "11:20:00", "11:20:05", TimelineKind.ROOT_CAUSE_IDENTIFIED, IC,
                                "Root cause identified: A config change shrank the DB pool"),
                        entry(16, "11:25:00", "11:25:05", TimelineKind.LESSON_RECORDED, IC,
                                "Lesson recorded (went well): Monitoring paged in 7 minutes"),
                        entry(17, "11:26:00", "11:26:05", TimelineKind.LESSON_RECORDED, IC,
                                "Lesson recorded (went wrong): The first revert missed payments"),
                        entry(18, "11:27:00", "11:27:05", TimelineKind.LESSON_RECORDED, IC,
                                "Lesson recorded (got lucky): It happened outside peak hours"),
                        entry(19, "11:28:00", "11:28:05", TimelineKind.ACTION_ITEM_ADDED, IC,
                                "Action item AI-1 added (detect, owner platform): Alert on pool exhaustion"),
                        entry(20, "11:29:00", "11:29:05", TimelineKind.ACTION_ITEM_ADDED, IC,
                                "Action item AI-2 added (prevent, owner payments): Load test with the production pool size"),
                        entry(21, "11:30:00", "11:30:05", TimelineKind.ACTION_ITEM_COMPLETED, IC,
                                "Action item AI-1 completed"),
                        entry(24, "12:00:00", "12:00:05", TimelineKind.LEARNED, IC,
                                "Postmortem completed: A shrunken pool broke checkout twice; "
                                        + "Incident commander and Responder 3 fixed it")),
                // detect 09:13→09:20, acknowledge (corrected) 09:20→09:21:30, contain (corrected) →09:38,
                // final fix →11:10, impact 09:13→11:10, first public update →09:26
                new ResponseMetrics(420L, 90L, 1080L, 6600L, 7020L, 360L),
                List.of(new Participant(IC, List.of(ResponderRole.COMMANDER)),
                        new Participant("Responder 1", List.of(ResponderRole.OPERATIONS)),
                        new Participant("Responder 2", List.of()),
                        new Participant("Responder 3", List.of(ResponderRole.SUBJECT_MATTER_EXPERT)),
                        new Participant("Responder 4", List.of())),
                1);

        assertThat(view).isEqualTo(expected);
    }

    @Test
    void whileReopenedThePostmortemIsADraftWithTheDetectionSummaryAndNoFixTime() {
        var view = PostmortemDocument.render(fold(ReopenedOutageStory.stream(11).recorded()));

        assertThat(view.version()).isEqualTo(10);
        assertThat(view.status()).isEqualTo(Status.DRAFT);
        assertThat(view.summary()).isEqualTo("Checkout API returns 500 for a third of requests");
        assertThat(view.metrics()).isEqualTo(new ResponseMetrics(420L, 150L, 1200L, null, null, 360L));
        assertThat(view.resolution().fixes()).extracting(Fix::fixReference).containsExactly("PR-981");
        assertThat(view.reopenCount()).isEqualTo(1);
        assertThat(view.timeline()).extracting(TimelineEntry::corrected).containsOnly(false);
        assertThat(view.rootCauses()).isEmpty();
        assertThat(view.actionItems()).isEmpty();
        assertThat(view.lessons()).isEqualTo(new Lessons(List.of(), List.of(), List.of()));
        assertThat(view.participants()).extracting(Participant::label)
                .containsExactly(IC, "Responder 1", "Responder 2");
    }

    @Test
    void beforeAcknowledgementTheDetectingActorIsAResponderAndMetricsAreUnknown() {
        var view = PostmortemDocument.render(fold(ReopenedOutageStory.stream(1).recorded()));

        assertThat(view.timeline()).extracting(TimelineEntry::actor).containsExactly("Responder 1");
        assertThat(view.impact()).isNull();
        assertThat(view.detection()).isEqualTo(new Detection(DetectionSource.MONITORING, at("09:20:00"), null));
        assertThat(view.metrics()).isEqualTo(new ResponseMetrics(null, null, null, null, null, null));
        assertThat(view.leadUp()).isEmpty();
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameStateAsOnce() {
        var events = ReopenedOutageStory.stream().recorded();
        PostmortemState twice = null;
        for (var event : events) {
            twice = PostmortemFold.apply(PostmortemFold.apply(twice, event), event);
        }

        assertThat(twice).isEqualTo(fold(events));
    }

    @Test
    void anEventAtOrBelowTheVersionChangesNothing() {
        var events = ReopenedOutageStory.stream().recorded();
        var state = fold(events);

        for (var old : events) {
            assertThat(PostmortemFold.apply(state, old)).isSameAs(state);
        }
    }

    @Test
    void aCorrectionOfNoEntryChangesNothingShownButItsAuthorIsStillScrubbed() {
        var stream = ReopenedOutageStory.stream(3);
        var before = fold(stream.recorded());
        stream.record(new InternalNoteAdded(new IncidentId(ReopenedOutageStory.ID), "Asked ivo for logs",
                at("09:29:00")), "maria");
        stream.record(new EntryCorrected(new IncidentId(ReopenedOutageStory.ID), 99, "typo", "text", null,
                at("09:30:00")), "ivo");

        var after = fold(stream.recorded());
        var view = PostmortemDocument.render(after);

        assertThat(after.version()).isEqualTo(4);
        assertThat(after.entries().subList(0, 3)).isEqualTo(before.entries());
        assertThat(after.strayCorrections()).containsExactly(new PostmortemState.Correction(4, "ivo", "typo"));
        assertThat(view.timeline()).extracting(TimelineEntry::text).contains("Internal note: Asked Responder 2 for logs");
        assertThat(view.timeline()).extracting(TimelineEntry::corrected).containsOnly(false);
    }

    @Test
    void assessmentsThatNeverSayWhenImpactStartedKeepItUnknown() {
        var stream = ReopenedOutageStory.stream(3);
        var id = new IncidentId(ReopenedOutageStory.ID);
        stream.record(new ImpactAssessed(id, "Some logins fail", null, null, List.of(), at("09:24:00")), "maria");
        stream.record(new ImpactAssessed(id, "Most logins fail", null, 60.0, List.of(), at("09:25:00")), "maria");

        var view = PostmortemDocument.render(fold(stream.recorded()));

        assertThat(view.impact().impactStartedAt()).isNull();
        assertThat(view.impact().affectedUsersPercent()).isEqualTo(60.0);
        assertThat(view.impact().description()).isEqualTo("Most logins fail");
    }
}
