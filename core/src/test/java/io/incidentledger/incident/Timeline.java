package io.incidentledger.incident;

import static java.time.ZoneOffset.UTC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One morning's incident, as events the fixture tests start from. The server's clock stands at
 * noon with nanoseconds, so a default {@code occurredAt} visibly loses them to microseconds.
 */
final class Timeline {

    static final IncidentId ID = new IncidentId("INC-7");
    static final Instant NOW = Instant.parse("2024-05-14T12:00:00.123456789Z");
    static final Instant NOW_MICROS = NOW.truncatedTo(ChronoUnit.MICROS);
    static final Duration SKEW = Duration.ofSeconds(30);
    static final TimePolicy POLICY = new TimePolicy(Clock.fixed(NOW, UTC), SKEW);

    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String CAROL = "carol";

    private Timeline() {
    }

    /** A time on the incident's morning, "09:20" or "09:20:30". */
    static Instant at(String time) {
        return Instant.parse("2024-05-14T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    static IncidentDetected detected() {
        return detected(at("09:20"));
    }

    static IncidentDetected detected(Instant at) {
        return new IncidentDetected(ID, "Checkout fails", Severity.SEV2, "Payments time out",
                List.of("checkout"), DetectionSource.MONITORING, at);
    }

    static IncidentAcknowledged acknowledged(Instant at) {
        return new IncidentAcknowledged(ID, ALICE, at);
    }

    static IncidentContained contained(Instant at) {
        return new IncidentContained(ID, Mitigation.ROLLBACK, "Rolled back release 42", at);
    }

    static IncidentFixed fixed(Instant at) {
        return new IncidentFixed(ID, "Connection pool resized", "PR-1234", at);
    }

    static IncidentReopened reopened(Instant at) {
        return new IncidentReopened(ID, "Timeouts are back", at);
    }

    static IncidentLearned learned(Instant at) {
        return new IncidentLearned(ID, "Pool too small for peak traffic", at);
    }

    static InternalNoteAdded note(Instant at) {
        return new InternalNoteAdded(ID, "Release 42 deployed", at);
    }

    static ResponderAssigned assigned(String responder, ResponderRole role, Instant at) {
        return new ResponderAssigned(ID, responder, role, at);
    }

    static PublicUpdatePosted publicUpdate(Instant at) {
        return new PublicUpdatePosted(ID, "We are investigating", PublicStatus.INVESTIGATING, null, at);
    }

    static ActionItemAdded actionItem(String actionItemId, Instant at) {
        return new ActionItemAdded(ID, actionItemId, "Alert on pool saturation", ActionItemKind.DETECT, "payments",
                LocalDate.of(2024, 6, 1), at);
    }

    /** Detected 09:20, acknowledged by alice 09:25 (sequence 0 and 1). */
    static List<Object> acknowledgedHistory() {
        return List.of(detected(), acknowledged(at("09:25")));
    }

    /** ... contained 09:40 (2). */
    static List<Object> containedHistory() {
        return List.of(detected(), acknowledged(at("09:25")), contained(at("09:40")));
    }

    /** ... fixed 10:30 (3). */
    static List<Object> fixedHistory() {
        return List.of(detected(), acknowledged(at("09:25")), contained(at("09:40")), fixed(at("10:30")));
    }

    /** ... learned 11:00 (4): closed. */
    static List<Object> learnedHistory() {
        return List.of(detected(), acknowledged(at("09:25")), contained(at("09:40")), fixed(at("10:30")),
                learned(at("11:00")));
    }
}
