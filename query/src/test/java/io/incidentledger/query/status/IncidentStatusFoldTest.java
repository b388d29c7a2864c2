package io.incidentledger.query.status;

import static io.incidentledger.query.status.CheckoutIncident.T0;
import static io.incidentledger.query.status.CheckoutIncident.at;
import static io.incidentledger.query.status.CheckoutIncident.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.Phase;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.status.IncidentStatusView.PhaseChange;
import io.incidentledger.query.status.IncidentStatusView.Responder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentStatusFoldTest {

    private static final String ID = "INC-CHECKOUT-1";
    private static final List<String> SERVICES = List.of("checkout", "payments");
    private final List<RecordedEvent> events = CheckoutIncident.stream(ID).recorded();

    /** The views after each event: views.get(n) has folded events 0..n. */
    private List<IncidentStatusView> foldAll() {
        var views = new ArrayList<IncidentStatusView>();
        IncidentStatusView view = null;
        for (var event : events) {
            view = IncidentStatusFold.apply(view, event);
            views.add(view);
        }
        return views;
    }

    private static PhaseChange change(long sequenceNumber, Phase phase, Instant at) {
        return new PhaseChange(sequenceNumber, phase, false, at);
    }

    @Test
    void whileRespondersArePulledInTheBoardShowsWhoHoldsWhichRole() {
        assertThat(foldAll().get(4)).isEqualTo(new IncidentStatusView(ID, "Checkout errors", "5xx on /pay",
                Phase.ACKNOWLEDGED, Severity.SEV1, "maria",
                List.of(new Responder("li", ResponderRole.OPERATIONS), new Responder("maria", ResponderRole.COMMANDER),
                        new Responder("sam", ResponderRole.COMMUNICATIONS)),
                SERVICES, T0, at(2), null, null, null, null, 0,
                List.of(change(0, Phase.DETECTED, T0), change(1, Phase.ACKNOWLEDGED, at(2))),
                recorded(4), null, null, false, false, 4));
    }

    @Test
    void theFirstRoundEndsFixedAndResolvedWithCommandHandedOver() {
        assertThat(foldAll().get(12)).isEqualTo(new IncidentStatusView(ID, "Checkout errors", "5xx on /pay",
                Phase.FIXED, Severity.SEV1, "li",
                List.of(new Responder("li", ResponderRole.COMMANDER), new Responder("sam", ResponderRole.COMMUNICATIONS)),
                SERVICES, T0, at(2), at(10), at(20), null, null, 0,
                List.of(change(0, Phase.DETECTED, T0), change(1, Phase.ACKNOWLEDGED, at(2)),
                        change(7, Phase.CONTAINED, at(10)), change(11, Phase.FIXED, at(20))),
                recorded(12), PublicStatus.RESOLVED, null, false, false, 12));
    }

    @Test
    void reopeningReturnsToAcknowledgedAndStartsANewRoundKeepingTheHistory() {
        assertThat(foldAll().get(15)).isEqualTo(new IncidentStatusView(ID, "Checkout errors", "5xx on /pay",
                Phase.ACKNOWLEDGED, Severity.SEV1, "li", List.of(new Responder("li", ResponderRole.COMMANDER)),
                SERVICES, T0, at(2), null, null, null, at(60), 1,
                List.of(change(0, Phase.DETECTED, T0), change(1, Phase.ACKNOWLEDGED, at(2)),
                        change(7, Phase.CONTAINED, at(10)), change(11, Phase.FIXED, at(20)),
                        new PhaseChange(13, Phase.ACKNOWLEDGED, true, at(60))),
                recorded(15), PublicStatus.INVESTIGATING, at(90), false, false, 15));
    }

    @Test
    void theLearnedIncidentShowsCorrectedTimesAndSummary() {
        assertThat(foldAll().get(21)).isEqualTo(new IncidentStatusView(ID, "Checkout errors",
                "Card payments failed in all regions.", Phase.LEARNED, Severity.SEV1, "li",
                List.of(new Responder("li", ResponderRole.COMMANDER)),
                SERVICES, T0, at(1), null, at(80), T0.plus(Duration.ofDays(3)), at(60), 1,
                List.of(change(0, Phase.DETECTED, T0), change(1, Phase.ACKNOWLEDGED, at(1)),
                        change(7, Phase.CONTAINED, at(10)), change(11, Phase.FIXED, at(19)),
                        new PhaseChange(13, Phase.ACKNOWLEDGED, true, at(60)), change(16, Phase.FIXED, at(80)),
                        change(21, Phase.LEARNED, T0.plus(Duration.ofDays(3)))),
                recorded(21), PublicStatus.RESOLVED, null, false, false, 21));
    }

    @Test
    void flagsThePublicStatusLaggingExactlyWhereThePageIsBehind() {
        var lags = foldAll().stream().map(IncidentStatusView::publicStatusLags).toList();

        // contained while "investigating" (7), fixed while "identified" (11), reopened while
        // "resolved" (13, 14), fixed again while "investigating" (16..19)
        assertThat(lags).containsExactly(false, false, false, false, false, false, false, true, false, false, false,
                true, false, true, true, false, true, true, true, true, false, false);
    }

    @ParameterizedTest(name = "{0} with public status {1} lags: {2}")
    @CsvSource(nullValues = "none", value = {
        "DETECTED, none, false", "DETECTED, RESOLVED, true", "ACKNOWLEDGED, none, false",
        "ACKNOWLEDGED, INVESTIGATING, false", "ACKNOWLEDGED, RESOLVED, true", "CONTAINED, none, true",
        "CONTAINED, INVESTIGATING, true", "CONTAINED, IDENTIFIED, false", "CONTAINED, MONITORING, false",
        "FIXED, none, true", "FIXED, MONITORING, true", "FIXED, RESOLVED, false", "LEARNED, IDENTIFIED, true",
        "LEARNED, RESOLVED, false"})
    void lagRule(Phase phase, PublicStatus publicStatus, boolean lags) {
        assertThat(IncidentStatusFold.lags(phase, publicStatus)).isEqualTo(lags);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var views = foldAll();
        for (int n = 0; n < events.size(); n++) {
            var view = views.get(n);
            for (int earlier = 0; earlier <= n; earlier++) {
                assertThat(IncidentStatusFold.apply(view, events.get(earlier))).isSameAs(view);
            }
        }
    }

    @Test
    void eventsBeforeTheDetectionLeaveNoView() {
        var note = new RecordedEvent(0, T0, "li", null, new InternalNoteAdded(new IncidentId(ID), "x", T0));

        assertThat(IncidentStatusFold.apply(null, note)).isNull();
    }

    @Test
    void aCorrectionOfAnEntryTheBoardDoesNotShowOnlyCountsAsActivity() {
        var views = foldAll();
        var noteText = new RecordedEvent(22, T0.plus(Duration.ofDays(4)), "li", null,
                new EntryCorrected(new IncidentId(ID), 6, "typo", "rollback started", at(5), T0.plus(Duration.ofDays(4))));

        var corrected = IncidentStatusFold.apply(views.get(21), noteText);

        assertThat(corrected).usingRecursiveComparison().ignoringFields("version", "lastUpdateAt")
                .isEqualTo(views.get(21));
        assertThat(corrected.version()).isEqualTo(22);
        assertThat(corrected.lastUpdateAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
    }

    @Test
    void anUpdateIsOverdueOnlyAfterItsDueTimeWhileCustomersStillAwaitNews() {
        var views = foldAll();
        var investigating = views.get(5);

        assertThat(investigating.asSeenAt(at(35)).updateOverdue()).as("at the due time").isFalse();
        assertThat(investigating.asSeenAt(at(35).plusNanos(1000)).updateOverdue()).isTrue();
        assertThat(investigating.asSeenAt(at(35).plusNanos(1000)))
                .usingRecursiveComparison().ignoringFields("updateOverdue").isEqualTo(investigating);
        assertThat(views.get(4).asSeenAt(at(600)).updateOverdue()).as("nothing promised").isFalse();
        assertThat(views.get(12).asSeenAt(at(600)).updateOverdue()).as("resolved").isFalse();
        assertThat(views.get(15).asSeenAt(at(91)).updateOverdue()).as("reopened, update promised").isTrue();
        assertThat(views.get(21).asSeenAt(at(6000)).updateOverdue()).as("learned").isFalse();
    }
}
