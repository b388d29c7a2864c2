package io.incidentledger.incident;

import static io.incidentledger.incident.RejectionsSeen.rejectedWith;
import static io.incidentledger.incident.Timeline.ALICE;
import static io.incidentledger.incident.Timeline.BOB;
import static io.incidentledger.incident.Timeline.CAROL;
import static io.incidentledger.incident.Timeline.ID;
import static io.incidentledger.incident.Timeline.NOW;
import static io.incidentledger.incident.Timeline.NOW_MICROS;
import static io.incidentledger.incident.Timeline.POLICY;
import static io.incidentledger.incident.Timeline.acknowledged;
import static io.incidentledger.incident.Timeline.acknowledgedHistory;
import static io.incidentledger.incident.Timeline.actionItem;
import static io.incidentledger.incident.Timeline.assigned;
import static io.incidentledger.incident.Timeline.at;
import static io.incidentledger.incident.Timeline.containedHistory;
import static io.incidentledger.incident.Timeline.detected;
import static io.incidentledger.incident.Timeline.fixed;
import static io.incidentledger.incident.Timeline.fixedHistory;
import static io.incidentledger.incident.Timeline.learnedHistory;
import static io.incidentledger.incident.Timeline.note;
import static io.incidentledger.incident.Timeline.publicUpdate;
import static io.incidentledger.incident.Timeline.reopened;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregate's rules, one nested class per command. Every rejection goes through
 * {@link RejectionsSeen#rejectedWith}, so the suite fails if some rejection code is never produced.
 */
class IncidentTest {

    private static final Instant IN_SKEW = NOW.plusSeconds(29);
    private static final Instant BEYOND_SKEW = NOW.plusSeconds(31);
    private static final Instant BEFORE_DETECTION = at("09:19");
    private static final Set<Class<?>> CLASSES_RUN = ConcurrentHashMap.newKeySet();

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp(TestInfo test) {
        test.getTestClass().ifPresent(CLASSES_RUN::add);
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(POLICY);
    }

    @AfterAll
    static void everyRejectionCodeIsProducedBySomeTest() {
        var nested = Arrays.stream(IncidentTest.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class))
                .collect(Collectors.toSet());
        if (!CLASSES_RUN.containsAll(nested)) {
            System.out.println("Only part of IncidentTest ran; rejection-code coverage not checked.");
            return;
        }
        assertThat(RejectionsSeen.unseen()).as("rejection codes that no test produces").isEmpty();
    }

    private static void rejects(ResultValidator<Incident> result, Rejection code) {
        result.expectException(rejectedWith(code)).expectNoEvents();
    }

    private static List<Object> with(List<Object> history, Object... more) {
        var events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    @Nested
    @DisplayName("DetectIncident")
    class Detecting {

        private DetectIncident detect(Instant occurredAt) {
            return new DetectIncident(ID, "Checkout fails", Severity.SEV2, "Payments time out", List.of("checkout"),
                    DetectionSource.MONITORING, occurredAt);
        }

        @Test
        void opensTheIncidentNowWhenNoTimeIsGiven() {
            fixture.givenNoPriorActivity().when(detect(null)).expectEvents(detected(NOW_MICROS));
        }

        @Test
        void opensTheIncidentAtTheTimeGivenTruncatedToMicroseconds() {
            fixture.givenNoPriorActivity().when(detect(at("09:20").plusNanos(1_234_567)))
                    .expectEvents(detected(at("09:20").plusNanos(1_234_000)));
        }

        @Test
        void acceptsADetectionWithinTheClockSkewAllowance() {
            fixture.givenNoPriorActivity().when(detect(IN_SKEW)).expectEvents(detected(NOW_MICROS.plusSeconds(29)));
        }

        @Test
        void rejectsADetectionBeyondTheClockSkewAllowance() {
            rejects(fixture.givenNoPriorActivity().when(detect(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }
    }

    @Nested
    @DisplayName("AcknowledgeIncident")
    class Acknowledging {

        @Test
        void makesTheAcknowledgingResponderCommander() {
            fixture.given(detected()).when(new AcknowledgeIncident(ID, ALICE, at("09:25")))
                    .expectEvents(acknowledged(at("09:25")));
        }

        @Test
        void acknowledgesNowWhenNoTimeIsGiven() {
            fixture.given(detected()).when(new AcknowledgeIncident(ID, ALICE, null))
                    .expectEvents(acknowledged(NOW_MICROS));
        }

        @Test
        void acceptsAcknowledgementAtTheInstantOfDetection() {
            fixture.given(detected()).when(new AcknowledgeIncident(ID, ALICE, at("09:20")))
                    .expectEvents(acknowledged(at("09:20")));
        }

        @Test
        void rejectsASecondAcknowledgement() {
            rejects(fixture.given(acknowledgedHistory()).when(new AcknowledgeIncident(ID, BOB, null)),
                    Rejection.ALREADY_ACKNOWLEDGED);
        }

        @Test
        void rejectsAcknowledgingAReopenedIncident() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45"))))
                    .when(new AcknowledgeIncident(ID, BOB, null)), Rejection.ALREADY_ACKNOWLEDGED);
        }

        @Test
        void rejectsAcknowledgementBeforeDetection() {
            rejects(fixture.given(detected()).when(new AcknowledgeIncident(ID, ALICE, BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAcknowledgementInTheFuture() {
            rejects(fixture.given(detected()).when(new AcknowledgeIncident(ID, ALICE, BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAcknowledgingALearnedIncident() {
            rejects(fixture.given(learnedHistory()).when(new AcknowledgeIncident(ID, BOB, null)),
                    Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("AssignResponder")
    class AssigningResponder {

        @Test
        void pullsAResponderInBeforeAnyoneAcknowledged() {
            fixture.given(detected()).when(new AssignResponder(ID, BOB, ResponderRole.OPERATIONS, at("09:21")))
                    .expectEvents(assigned(BOB, ResponderRole.OPERATIONS, at("09:21")));
        }

        @Test
        void handsCommandOverByReleasingTheOldCommanderFirst() {
            fixture.given(acknowledgedHistory()).when(new AssignResponder(ID, BOB, ResponderRole.COMMANDER, null))
                    .expectEvents(new ResponderReleased(ID, ALICE, ResponderRole.COMMANDER, NOW_MICROS),
                            assigned(BOB, ResponderRole.COMMANDER, NOW_MICROS));
        }

        @Test
        void makesTheNewCommanderTheOneWhoCannotBeReleased() {
            var handedOver = with(acknowledgedHistory(),
                    new ResponderReleased(ID, ALICE, ResponderRole.COMMANDER, at("09:50")),
                    assigned(BOB, ResponderRole.COMMANDER, at("09:50")));
            fixture.given(handedOver).when(new AssignResponder(ID, ALICE, ResponderRole.SCRIBE, null))
                    .expectEvents(assigned(ALICE, ResponderRole.SCRIBE, NOW_MICROS));
            rejects(fixture.given(handedOver).when(new ReleaseResponder(ID, BOB, null)), Rejection.COMMANDER_REQUIRED);
        }

        @Test
        void changesTheRoleOfAResponder() {
            fixture.given(with(acknowledgedHistory(), assigned(BOB, ResponderRole.OPERATIONS, at("09:30"))))
                    .when(new AssignResponder(ID, BOB, ResponderRole.SCRIBE, at("09:31")))
                    .expectEvents(assigned(BOB, ResponderRole.SCRIBE, at("09:31")));
        }

        @Test
        void rejectsAssigningTheSameRoleTwice() {
            rejects(fixture.given(with(acknowledgedHistory(), assigned(BOB, ResponderRole.OPERATIONS, at("09:30"))))
                    .when(new AssignResponder(ID, BOB, ResponderRole.OPERATIONS, null)),
                    Rejection.RESPONDER_ALREADY_ASSIGNED);
        }

        @Test
        void rejectsMakingTheCommanderCommanderAgain() {
            rejects(fixture.given(acknowledgedHistory()).when(new AssignResponder(ID, ALICE, ResponderRole.COMMANDER,
                    null)), Rejection.RESPONDER_ALREADY_ASSIGNED);
        }

        @Test
        void rejectsACommanderBeforeAcknowledgement() {
            rejects(fixture.given(detected()).when(new AssignResponder(ID, BOB, ResponderRole.COMMANDER, null)),
                    Rejection.NOT_ACKNOWLEDGED);
        }

        @Test
        void rejectsMovingTheCommanderToAnotherRole() {
            rejects(fixture.given(acknowledgedHistory()).when(new AssignResponder(ID, ALICE, ResponderRole.SCRIBE,
                    null)), Rejection.COMMANDER_REQUIRED);
        }

        @Test
        void rejectsAnAssignmentBeforeDetection() {
            rejects(fixture.given(detected()).when(new AssignResponder(ID, BOB, ResponderRole.OPERATIONS,
                    BEFORE_DETECTION)), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAnAssignmentInTheFuture() {
            rejects(fixture.given(detected()).when(new AssignResponder(ID, BOB, ResponderRole.OPERATIONS,
                    BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAnAssignmentOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(new AssignResponder(ID, BOB, ResponderRole.OPERATIONS,
                    null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("ReleaseResponder")
    class ReleasingResponder {

        private List<Object> withBob() {
            return with(acknowledgedHistory(), assigned(BOB, ResponderRole.OPERATIONS, at("09:30")));
        }

        @Test
        void releasesAResponderWithTheRoleTheyHeld() {
            fixture.given(withBob()).when(new ReleaseResponder(ID, BOB, at("10:00")))
                    .expectEvents(new ResponderReleased(ID, BOB, ResponderRole.OPERATIONS, at("10:00")));
        }

        @Test
        void rejectsReleasingSomeoneNotAssigned() {
            rejects(fixture.given(withBob()).when(new ReleaseResponder(ID, CAROL, null)),
                    Rejection.RESPONDER_NOT_ASSIGNED);
        }

        @Test
        void rejectsReleasingAResponderTwice() {
            rejects(fixture.given(with(withBob(), new ResponderReleased(ID, BOB, ResponderRole.OPERATIONS,
                    at("10:00")))).when(new ReleaseResponder(ID, BOB, null)), Rejection.RESPONDER_NOT_ASSIGNED);
        }

        @Test
        void rejectsReleasingTheCommander() {
            rejects(fixture.given(withBob()).when(new ReleaseResponder(ID, ALICE, null)),
                    Rejection.COMMANDER_REQUIRED);
        }

        @Test
        void rejectsAReleaseBeforeDetection() {
            rejects(fixture.given(withBob()).when(new ReleaseResponder(ID, BOB, BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAReleaseInTheFuture() {
            rejects(fixture.given(withBob()).when(new ReleaseResponder(ID, BOB, BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAReleaseOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(new ReleaseResponder(ID, ALICE, null)),
                    Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("ChangeSeverity")
    class ChangingSeverity {

        @Test
        void recordsTheOldAndNewSeverity() {
            fixture.given(detected()).when(new ChangeSeverity(ID, Severity.SEV1, "Card payments down too", null))
                    .expectEvents(new SeverityChanged(ID, Severity.SEV2, Severity.SEV1, "Card payments down too",
                            NOW_MICROS));
        }

        @Test
        void startsFromTheLatestSeverity() {
            fixture.given(detected(), new SeverityChanged(ID, Severity.SEV2, Severity.SEV1, "worse", at("09:30")))
                    .when(new ChangeSeverity(ID, Severity.SEV3, "contained", at("09:45")))
                    .expectEvents(new SeverityChanged(ID, Severity.SEV1, Severity.SEV3, "contained", at("09:45")));
        }

        @Test
        void rejectsTheSeverityTheIncidentAlreadyHas() {
            rejects(fixture.given(detected()).when(new ChangeSeverity(ID, Severity.SEV2, "same", null)),
                    Rejection.SEVERITY_UNCHANGED);
        }

        @Test
        void rejectsAChangeBeforeDetection() {
            rejects(fixture.given(detected()).when(new ChangeSeverity(ID, Severity.SEV1, "worse", BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAChangeInTheFuture() {
            rejects(fixture.given(detected()).when(new ChangeSeverity(ID, Severity.SEV1, "worse", BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAChangeOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(new ChangeSeverity(ID, Severity.SEV1, "worse", null)),
                    Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("AssessImpact")
    class AssessingImpact {

        // Immutable on purpose: checking an immutable list for null elements must not throw.
        private final List<AffectedComponent> components = List.of(
                new AffectedComponent("Checkout", ComponentStatus.MAJOR_OUTAGE));

        private AssessImpact assess(Instant impactStartedAt, Instant occurredAt) {
            return new AssessImpact(ID, "Checkout fails for card payments", impactStartedAt, 35.5, components,
                    occurredAt);
        }

        @Test
        void recordsAnImpactThatStartedBeforeDetection() {
            fixture.given(detected()).when(assess(at("09:05"), at("09:30")))
                    .expectEvents(new ImpactAssessed(ID, "Checkout fails for card payments", at("09:05"), 35.5,
                            components, at("09:30")));
        }

        @Test
        void truncatesTheImpactStartToMicroseconds() {
            fixture.given(detected()).when(assess(at("09:05").plusNanos(999), null))
                    .expectEvents(new ImpactAssessed(ID, "Checkout fails for card payments", at("09:05"), 35.5,
                            components, NOW_MICROS));
        }

        @Test
        void acceptsAnImpactStartingAtTheAssessment() {
            fixture.given(detected()).when(assess(at("09:30"), at("09:30")))
                    .expectEvents(new ImpactAssessed(ID, "Checkout fails for card payments", at("09:30"), 35.5,
                            components, at("09:30")));
        }

        @Test
        void rejectsAnImpactStartingAfterTheAssessment() {
            rejects(fixture.given(detected()).when(assess(at("09:31"), at("09:30"))),
                    Rejection.IMPACT_START_AFTER_ASSESSMENT);
        }

        @Test
        void rejectsAnAssessmentBeforeDetection() {
            rejects(fixture.given(detected()).when(assess(at("09:05"), BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAnAssessmentInTheFuture() {
            rejects(fixture.given(detected()).when(assess(null, BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAnAssessmentOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(assess(null, null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("AddInternalNote")
    class AddingInternalNote {

        @Test
        void recordsTheLeadUpBeforeDetection() {
            fixture.given(detected()).when(new AddInternalNote(ID, "Release 42 deployed", at("09:12")))
                    .expectEvents(note(at("09:12")));
        }

        @Test
        void notesNowWhenNoTimeIsGiven() {
            fixture.given(detected()).when(new AddInternalNote(ID, "Release 42 deployed", null))
                    .expectEvents(note(NOW_MICROS));
        }

        @Test
        void acceptsANoteWithinTheClockSkewAllowance() {
            fixture.given(detected()).when(new AddInternalNote(ID, "Release 42 deployed", IN_SKEW))
                    .expectEvents(note(NOW_MICROS.plusSeconds(29)));
        }

        @Test
        void rejectsANoteBeyondTheClockSkewAllowance() {
            rejects(fixture.given(detected()).when(new AddInternalNote(ID, "Release 42 deployed", BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsANoteOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(new AddInternalNote(ID, "late", null)),
                    Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("PostPublicUpdate")
    class PostingPublicUpdate {

        private PostPublicUpdate post(PublicStatus status, Instant nextUpdateDue, Instant occurredAt) {
            return new PostPublicUpdate(ID, "We are investigating", status, nextUpdateDue, occurredAt);
        }

        @Test
        void postsAnUpdateWithTheNextOneDue() {
            fixture.given(detected()).when(post(PublicStatus.INVESTIGATING, at("09:55"), at("09:25")))
                    .expectEvents(new PublicUpdatePosted(ID, "We are investigating", PublicStatus.INVESTIGATING,
                            at("09:55"), at("09:25")));
        }

        @Test
        void tellsCustomersItIsResolvedOnceFixed() {
            fixture.given(fixedHistory()).when(post(PublicStatus.RESOLVED, null, null))
                    .expectEvents(new PublicUpdatePosted(ID, "We are investigating", PublicStatus.RESOLVED, null,
                            NOW_MICROS));
        }

        @Test
        void rejectsAnUpdateBeforeDetection() {
            rejects(fixture.given(detected()).when(post(PublicStatus.INVESTIGATING, null, at("09:15"))),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsResolvedBeforeTheFix() {
            rejects(fixture.given(containedHistory()).when(post(PublicStatus.RESOLVED, null, null)),
                    Rejection.RESOLVED_BEFORE_FIX);
        }

        @Test
        void rejectsResolvedAfterReopening() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(post(PublicStatus.RESOLVED, null,
                    null)), Rejection.RESOLVED_BEFORE_FIX);
        }

        @Test
        void rejectsANextUpdateDueWhenThisOneIsPosted() {
            rejects(fixture.given(detected()).when(post(PublicStatus.INVESTIGATING, at("09:25"), at("09:25"))),
                    Rejection.NEXT_UPDATE_NOT_AFTER_POST);
        }

        @Test
        void rejectsANextUpdateDueInThePast() {
            rejects(fixture.given(detected()).when(post(PublicStatus.INVESTIGATING, at("09:24"), at("09:25"))),
                    Rejection.NEXT_UPDATE_NOT_AFTER_POST);
        }

        @Test
        void rejectsAnUpdateInTheFuture() {
            rejects(fixture.given(detected()).when(post(PublicStatus.INVESTIGATING, null, BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAnUpdateOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(post(PublicStatus.RESOLVED, null, null)),
                    Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("ContainIncident")
    class Containing {

        private ContainIncident contain(Instant occurredAt) {
            return new ContainIncident(ID, Mitigation.ROLLBACK, "Rolled back release 42", occurredAt);
        }

        @Test
        void containsAnAcknowledgedIncident() {
            fixture.given(acknowledgedHistory()).when(contain(at("09:40")))
                    .expectEvents(Timeline.contained(at("09:40")));
        }

        @Test
        void containsAtTheInstantOfAcknowledgement() {
            fixture.given(acknowledgedHistory()).when(contain(at("09:25")))
                    .expectEvents(Timeline.contained(at("09:25")));
        }

        @Test
        void containsAReopenedIncidentAgain() {
            fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(contain(null))
                    .expectEvents(Timeline.contained(NOW_MICROS));
        }

        @Test
        void rejectsContainmentBeforeAcknowledgement() {
            rejects(fixture.given(detected()).when(contain(null)), Rejection.NOT_ACKNOWLEDGED);
        }

        @Test
        void rejectsContainingTwice() {
            rejects(fixture.given(containedHistory()).when(contain(null)), Rejection.ALREADY_CONTAINED);
        }

        @Test
        void rejectsContainmentAfterTheFix() {
            rejects(fixture.given(fixedHistory()).when(contain(null)), Rejection.ALREADY_FIXED);
        }

        @Test
        void rejectsContainmentBeforeTheAcknowledgement() {
            rejects(fixture.given(acknowledgedHistory()).when(contain(at("09:24"))),
                    Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsContainmentBeforeTheReopening() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(contain(at("10:40"))),
                    Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsContainmentBeforeDetection() {
            rejects(fixture.given(acknowledgedHistory()).when(contain(BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsContainmentInTheFuture() {
            rejects(fixture.given(acknowledgedHistory()).when(contain(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsContainmentOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(contain(null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("FixIncident")
    class Fixing {

        private FixIncident fix(Instant occurredAt) {
            return new FixIncident(ID, "Connection pool resized", "PR-1234", occurredAt);
        }

        @Test
        void fixesAContainedIncident() {
            fixture.given(containedHistory()).when(fix(at("10:30"))).expectEvents(fixed(at("10:30")));
        }

        @Test
        void fixesWithoutContainmentFirst() {
            fixture.given(acknowledgedHistory()).when(fix(null)).expectEvents(fixed(NOW_MICROS));
        }

        @Test
        void rejectsFixBeforeAcknowledgement() {
            rejects(fixture.given(detected()).when(fix(null)), Rejection.NOT_ACKNOWLEDGED);
        }

        @Test
        void rejectsFixingTwice() {
            rejects(fixture.given(fixedHistory()).when(fix(null)), Rejection.ALREADY_FIXED);
        }

        @Test
        void rejectsAFixBeforeTheContainment() {
            rejects(fixture.given(containedHistory()).when(fix(at("09:39"))),
                    Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsAFixBeforeDetection() {
            rejects(fixture.given(containedHistory()).when(fix(BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAFixInTheFuture() {
            rejects(fixture.given(containedHistory()).when(fix(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAFixOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(fix(null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("IdentifyRootCause")
    class IdentifyingRootCause {

        private IdentifyRootCause identify(Instant occurredAt) {
            return new IdentifyRootCause(ID, List.of("Timeouts", "Pool exhausted"), "Pool sized for 2019 traffic",
                    "Release 42", "No load test", occurredAt);
        }

        @Test
        void recordsTheChainOfWhysAfterTheFix() {
            fixture.given(fixedHistory()).when(identify(null))
                    .expectEvents(new RootCauseIdentified(ID, List.of("Timeouts", "Pool exhausted"),
                            "Pool sized for 2019 traffic", "Release 42", "No load test", NOW_MICROS));
        }

        @Test
        void rejectsARootCauseBeforeDetection() {
            rejects(fixture.given(fixedHistory()).when(identify(BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsARootCauseInTheFuture() {
            rejects(fixture.given(fixedHistory()).when(identify(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsARootCauseOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(identify(null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("RecordLesson")
    class RecordingLesson {

        private RecordLesson lesson(Instant occurredAt) {
            return new RecordLesson(ID, LessonCategory.GOT_LUCKY, "Low traffic hour", occurredAt);
        }

        @Test
        void recordsALesson() {
            fixture.given(fixedHistory()).when(lesson(at("10:50")))
                    .expectEvents(new LessonRecorded(ID, LessonCategory.GOT_LUCKY, "Low traffic hour", at("10:50")));
        }

        @Test
        void rejectsALessonBeforeDetection() {
            rejects(fixture.given(fixedHistory()).when(lesson(BEFORE_DETECTION)), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsALessonInTheFuture() {
            rejects(fixture.given(fixedHistory()).when(lesson(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsALessonOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(lesson(null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("AddActionItem")
    class AddingActionItem {

        private AddActionItem add(String actionItemId, Instant occurredAt) {
            return new AddActionItem(ID, actionItemId, "Alert on pool saturation", ActionItemKind.DETECT, "payments",
                    LocalDate.of(2024, 6, 1), occurredAt);
        }

        @Test
        void addsAnActionItem() {
            fixture.given(fixedHistory()).when(add("AI-1", null)).expectEvents(actionItem("AI-1", NOW_MICROS));
        }

        @Test
        void rejectsAnActionItemIdTwice() {
            rejects(fixture.given(with(fixedHistory(), actionItem("AI-1", at("10:40")))).when(add("AI-1", null)),
                    Rejection.ACTION_ITEM_EXISTS);
        }

        @Test
        void rejectsReusingTheIdOfACompletedActionItem() {
            rejects(fixture.given(with(fixedHistory(), actionItem("AI-1", at("10:40")),
                    new ActionItemCompleted(ID, "AI-1", at("10:50")))).when(add("AI-1", null)),
                    Rejection.ACTION_ITEM_EXISTS);
        }

        @Test
        void rejectsAnActionItemBeforeDetection() {
            rejects(fixture.given(fixedHistory()).when(add("AI-1", BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsAnActionItemInTheFuture() {
            rejects(fixture.given(fixedHistory()).when(add("AI-1", BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsAnActionItemOnceLearned() {
            rejects(fixture.given(learnedHistory()).when(add("AI-1", null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("CompleteActionItem")
    class CompletingActionItem {

        private List<Object> withActionItem() {
            return with(fixedHistory(), actionItem("AI-1", at("10:40")));
        }

        @Test
        void completesAnActionItem() {
            fixture.given(withActionItem()).when(new CompleteActionItem(ID, "AI-1", null))
                    .expectEvents(new ActionItemCompleted(ID, "AI-1", NOW_MICROS));
        }

        @Test
        void rejectsAnUnknownActionItem() {
            rejects(fixture.given(withActionItem()).when(new CompleteActionItem(ID, "AI-2", null)),
                    Rejection.ACTION_ITEM_UNKNOWN);
        }

        @Test
        void rejectsCompletingTwice() {
            rejects(fixture.given(with(withActionItem(), new ActionItemCompleted(ID, "AI-1", at("10:50"))))
                    .when(new CompleteActionItem(ID, "AI-1", null)), Rejection.ACTION_ITEM_ALREADY_COMPLETED);
        }

        @Test
        void rejectsACompletionBeforeDetection() {
            rejects(fixture.given(withActionItem()).when(new CompleteActionItem(ID, "AI-1", BEFORE_DETECTION)),
                    Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsACompletionInTheFuture() {
            rejects(fixture.given(withActionItem()).when(new CompleteActionItem(ID, "AI-1", BEYOND_SKEW)),
                    Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsACompletionOnceLearned() {
            rejects(fixture.given(with(withActionItem(), Timeline.learned(at("11:00"))))
                    .when(new CompleteActionItem(ID, "AI-1", null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("CorrectEntry")
    class CorrectingEntry {

        /** Fixed history plus a lead-up note (4), a public update (5) and bob's assignment (6). */
        private List<Object> history() {
            return with(fixedHistory(), note(at("09:12")), publicUpdate(at("09:30")),
                    assigned(BOB, ResponderRole.OPERATIONS, at("09:35")));
        }

        private CorrectEntry text(long sequenceNumber, String replacement) {
            return new CorrectEntry(ID, sequenceNumber, "Typo", replacement, null, null);
        }

        private CorrectEntry time(long sequenceNumber, Instant corrected) {
            return new CorrectEntry(ID, sequenceNumber, "Wrong clock", null, corrected, null);
        }

        private EntryCorrected timeCorrected(long sequenceNumber, Instant corrected) {
            return new EntryCorrected(ID, sequenceNumber, "Wrong clock", null, corrected, NOW_MICROS);
        }

        @Test
        void replacesTheTextOfAnEntry() {
            fixture.given(history()).when(text(5, "We are investigating checkout errors"))
                    .expectEvents(new EntryCorrected(ID, 5, "Typo", "We are investigating checkout errors", null,
                            NOW_MICROS));
        }

        @Test
        void correctsTextAndTimeAtOnceAtTheTimeGiven() {
            fixture.given(history())
                    .when(new CorrectEntry(ID, 5, "Typo", "Investigating", at("09:31"), at("11:30")))
                    .expectEvents(new EntryCorrected(ID, 5, "Typo", "Investigating", at("09:31"), at("11:30")));
        }

        @Test
        void movesALeadUpNoteFurtherBack() {
            fixture.given(history()).when(time(4, at("09:05"))).expectEvents(timeCorrected(4, at("09:05")));
        }

        @Test
        void movesAPhaseChangeUpToItsNeighbours() {
            fixture.given(history()).when(time(2, at("09:25"))).expectEvents(timeCorrected(2, at("09:25")));
            fixture.given(history()).when(time(2, at("10:30"))).expectEvents(timeCorrected(2, at("10:30")));
        }

        @Test
        void correctsTheTimeOfAnEntryWithoutText() {
            fixture.given(history()).when(time(6, at("09:36"))).expectEvents(timeCorrected(6, at("09:36")));
        }

        @Test
        void movesDetectionEarlier() {
            fixture.given(history()).when(time(0, at("09:00"))).expectEvents(timeCorrected(0, at("09:00")));
        }

        @Test
        void movesDetectionPastALeadUpNote() {
            fixture.given(detected(), note(at("09:21"))).when(time(0, at("09:22")))
                    .expectEvents(timeCorrected(0, at("09:22")));
        }

        @Test
        void boundsTheNextPhaseByTheCorrectedTime() {
            rejects(fixture.given(with(acknowledgedHistory(), timeCorrected(1, at("09:45"))))
                    .when(new ContainIncident(ID, Mitigation.ROLLBACK, "Rolled back", at("09:40"))),
                    Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void letsTheResponseStartAtTheCorrectedDetection() {
            fixture.given(detected(), timeCorrected(0, at("09:00")))
                    .when(new PostPublicUpdate(ID, "Investigating", PublicStatus.INVESTIGATING, null, at("09:10")))
                    .expectEvents(new PublicUpdatePosted(ID, "Investigating", PublicStatus.INVESTIGATING, null,
                            at("09:10")));
        }

        @Test
        void acceptsCorrectionsOnceLearned() {
            fixture.given(learnedHistory()).when(text(4, "Pool was too small"))
                    .expectEvents(new EntryCorrected(ID, 4, "Typo", "Pool was too small", null, NOW_MICROS));
        }

        @Test
        void rejectsMovingAPhaseBeforeThePreviousPhase() {
            rejects(fixture.given(history()).when(time(2, at("09:24"))), Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsMovingAPhaseAfterTheNextPhase() {
            rejects(fixture.given(history()).when(time(2, at("10:31"))), Rejection.OCCURRED_AFTER_NEXT_PHASE);
        }

        @Test
        void rejectsMovingAFixPastTheReopening() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(time(3, at("10:46"))),
                    Rejection.OCCURRED_AFTER_NEXT_PHASE);
        }

        @Test
        void rejectsMovingDetectionAfterTheAcknowledgement() {
            rejects(fixture.given(history()).when(time(0, at("09:26"))), Rejection.OCCURRED_AFTER_NEXT_PHASE);
        }

        @Test
        void rejectsMovingDetectionAfterTheFirstResponse() {
            rejects(fixture.given(detected(), assigned(BOB, ResponderRole.OPERATIONS, at("09:22")),
                    acknowledged(at("09:30"))).when(time(0, at("09:25"))), Rejection.DETECTION_AFTER_RESPONSE);
        }

        @Test
        void rejectsMovingAnEntryOfTheResponseBeforeDetection() {
            rejects(fixture.given(history()).when(time(5, at("09:15"))), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsACorrectedTimeInTheFuture() {
            rejects(fixture.given(history()).when(time(3, NOW.plusSeconds(31))), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsACorrectionRecordedBeforeDetection() {
            rejects(fixture.given(history()).when(new CorrectEntry(ID, 5, "Typo", "Investigating", null,
                    BEFORE_DETECTION)), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsACorrectionRecordedInTheFuture() {
            rejects(fixture.given(history()).when(new CorrectEntry(ID, 5, "Typo", "Investigating", null,
                    BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsCorrectingACorrection() {
            rejects(fixture.given(with(history(), timeCorrected(4, at("09:05")))).when(time(7, at("09:06"))),
                    Rejection.ENTRY_NOT_CORRECTABLE);
        }

        @Test
        void rejectsAnEntryThatDoesNotExist() {
            rejects(fixture.given(history()).when(text(7, "Nothing here")), Rejection.ENTRY_NOT_FOUND);
        }

        @Test
        void rejectsReplacingTextOfAnAcknowledgement() {
            rejects(fixture.given(history()).when(text(1, "bob")), Rejection.ENTRY_HAS_NO_TEXT);
        }

        @Test
        void rejectsReplacingTextOfAResponderChange() {
            rejects(fixture.given(history()).when(text(6, "carol")), Rejection.ENTRY_HAS_NO_TEXT);
        }
    }

    @Nested
    @DisplayName("ReopenIncident")
    class Reopening {

        private ReopenIncident reopen(Instant occurredAt) {
            return new ReopenIncident(ID, "Timeouts are back", occurredAt);
        }

        @Test
        void reopensAFixedIncident() {
            fixture.given(fixedHistory()).when(reopen(at("10:45"))).expectEvents(reopened(at("10:45")));
        }

        @Test
        void runsTheResponseCycleAgainAfterReopening() {
            var reopenedHistory = with(fixedHistory(), reopened(at("10:45")));
            fixture.given(reopenedHistory).when(new FixIncident(ID, "Pool doubled", null, at("11:00")))
                    .expectEvents(new IncidentFixed(ID, "Pool doubled", null, at("11:00")));
            fixture.given(with(reopenedHistory, fixed(at("11:00")))).when(reopen(at("11:10")))
                    .expectEvents(reopened(at("11:10")));
            fixture.given(with(reopenedHistory, fixed(at("11:00"))))
                    .when(new LearnFromIncident(ID, "Pool too small", at("11:30")))
                    .expectEvents(new IncidentLearned(ID, "Pool too small", at("11:30")));
        }

        @Test
        void rejectsReopeningAnIncidentThatIsNotFixed() {
            rejects(fixture.given(containedHistory()).when(reopen(null)), Rejection.NOT_FIXED);
        }

        @Test
        void rejectsReopeningTwice() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(reopen(null)),
                    Rejection.NOT_FIXED);
        }

        @Test
        void rejectsReopeningBeforeTheFix() {
            rejects(fixture.given(fixedHistory()).when(reopen(at("10:29"))), Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsReopeningBeforeDetection() {
            rejects(fixture.given(fixedHistory()).when(reopen(BEFORE_DETECTION)), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsReopeningInTheFuture() {
            rejects(fixture.given(fixedHistory()).when(reopen(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        @Test
        void rejectsReopeningALearnedIncident() {
            rejects(fixture.given(learnedHistory()).when(reopen(null)), Rejection.INCIDENT_CLOSED);
        }
    }

    @Nested
    @DisplayName("LearnFromIncident")
    class Learning {

        private LearnFromIncident learn(Instant occurredAt) {
            return new LearnFromIncident(ID, "Pool too small for peak traffic", occurredAt);
        }

        @Test
        void closesAFixedIncident() {
            fixture.given(fixedHistory()).when(learn(at("11:00"))).expectEvents(Timeline.learned(at("11:00")));
        }

        @Test
        void rejectsLearningBeforeTheFix() {
            rejects(fixture.given(containedHistory()).when(learn(null)), Rejection.NOT_FIXED);
        }

        @Test
        void rejectsLearningFromAReopenedIncident() {
            rejects(fixture.given(with(fixedHistory(), reopened(at("10:45")))).when(learn(null)), Rejection.NOT_FIXED);
        }

        @Test
        void rejectsLearningTwice() {
            rejects(fixture.given(learnedHistory()).when(learn(null)), Rejection.INCIDENT_CLOSED);
        }

        @Test
        void rejectsLearningBeforeTheFixTime() {
            rejects(fixture.given(fixedHistory()).when(learn(at("10:29"))), Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        }

        @Test
        void rejectsLearningBeforeDetection() {
            rejects(fixture.given(fixedHistory()).when(learn(BEFORE_DETECTION)), Rejection.OCCURRED_BEFORE_DETECTION);
        }

        @Test
        void rejectsLearningInTheFuture() {
            rejects(fixture.given(fixedHistory()).when(learn(BEYOND_SKEW)), Rejection.OCCURRED_IN_FUTURE);
        }

        static Stream<Object> everyCommandButACorrection() {
            return Stream.of(new AcknowledgeIncident(ID, BOB, null),
                    new AssignResponder(ID, BOB, ResponderRole.SCRIBE, null),
                    new ReleaseResponder(ID, ALICE, null),
                    new ChangeSeverity(ID, Severity.SEV4, "minor", null),
                    new AssessImpact(ID, "none", null, null, new ArrayList<>(), null),
                    new AddInternalNote(ID, "late note", null),
                    new PostPublicUpdate(ID, "All good", PublicStatus.RESOLVED, null, null),
                    new ContainIncident(ID, Mitigation.OTHER, "again", null),
                    new FixIncident(ID, "again", null, null),
                    new IdentifyRootCause(ID, List.of(), "cause", null, null, null),
                    new RecordLesson(ID, LessonCategory.WENT_WELL, "lesson", null),
                    new AddActionItem(ID, "AI-9", "item", ActionItemKind.PROCESS, "team", null, null),
                    new CompleteActionItem(ID, "AI-9", null),
                    new ReopenIncident(ID, "again", null),
                    new LearnFromIncident(ID, "again", null));
        }

        @ParameterizedTest
        @MethodSource("everyCommandButACorrection")
        void closesTheIncidentToEverythingButCorrections(Object command) {
            rejects(fixture.given(learnedHistory()).when(command), Rejection.INCIDENT_CLOSED);
        }
    }
}
