package io.incidentledger.query.analytics;

import static io.incidentledger.query.ReopenedOutageStory.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.ReopenedOutageStory;
import io.incidentledger.query.ResponseTimes.Milestone;
import io.incidentledger.query.ResponseTimes.MilestoneKind;
import org.junit.jupiter.api.Test;

class AnalyticsFoldTest {

    static IncidentMetrics fold(List<RecordedEvent> events) {
        IncidentMetrics state = null;
        for (var event : events) {
            state = AnalyticsFold.apply(state, event);
        }
        return state;
    }

    @Test
    void aFullLifecycleWithReopeningAndCorrectionsGivesEveryResponseTime() {
        var state = fold(ReopenedOutageStory.stream().recorded());

        assertThat(state.milestones()).containsExactly(
                new Milestone(0, MilestoneKind.DETECTED, at("09:20:00")),
                new Milestone(1, MilestoneKind.ACKNOWLEDGED, at("09:21:30")),
                new Milestone(5, MilestoneKind.PUBLIC_UPDATE, at("09:26:00")),
                new Milestone(8, MilestoneKind.CONTAINED, at("09:38:00")),
                new Milestone(9, MilestoneKind.FIXED, at("09:55:00")),
                new Milestone(10, MilestoneKind.REOPENED, at("10:30:00")),
                new Milestone(13, MilestoneKind.FIXED, at("11:10:00")),
                new Milestone(14, MilestoneKind.PUBLIC_UPDATE, at("11:12:00")),
                new Milestone(24, MilestoneKind.LEARNED, at("12:00:00")));
        assertThat(state.view()).isEqualTo(new IncidentMetricsView(
                "INC-42", 24, Severity.SEV1, List.of("checkout", "payments"), DetectionSource.MONITORING,
                at("09:20:00"), "2025-03", at("09:13:00"),
                at("09:21:30"), // corrected acknowledgement
                at("09:38:00"), // corrected containment
                at("11:10:00"), // the final fix, not the one that regressed
                at("12:00:00"), at("09:26:00"),
                420L, 90L, 1080L, 6600L, 3000L, 7020L, 360L, 1));
    }

    @Test
    void whileReopenedThereIsNoFixAndSoNoFixDurations() {
        var view = fold(ReopenedOutageStory.stream(11).recorded()).view();

        assertThat(view.version()).isEqualTo(10);
        assertThat(view.severity()).isEqualTo(Severity.SEV1);
        assertThat(view.acknowledgedAt()).isEqualTo(at("09:22:30"));
        assertThat(view.containedAt()).isEqualTo(at("09:40:00"));
        assertThat(view.fixedAt()).isNull();
        assertThat(view.learnedAt()).isNull();
        assertThat(view.timeToFixSeconds()).isNull();
        assertThat(view.impactDurationSeconds()).isNull();
        assertThat(view.timeToLearnSeconds()).isNull();
        assertThat(view.timeToAcknowledgeSeconds()).isEqualTo(150);
        assertThat(view.timeToContainSeconds()).isEqualTo(1200);
        assertThat(view.reopenCount()).isEqualTo(1);
    }

    @Test
    void beforeTheReopeningTheFirstFixCounts() {
        var view = fold(ReopenedOutageStory.stream(10).recorded()).view();

        assertThat(view.fixedAt()).isEqualTo(at("09:55:00"));
        assertThat(view.timeToFixSeconds()).isEqualTo(35 * 60);
        assertThat(view.impactDurationSeconds()).isEqualTo(42 * 60);
        assertThat(view.reopenCount()).isZero();
    }

    @Test
    void justDetectedHasOnlyTheDetection() {
        var view = fold(ReopenedOutageStory.stream(1).recorded()).view();

        assertThat(view).isEqualTo(new IncidentMetricsView("INC-42", 0, Severity.SEV2, List.of("checkout", "payments"),
                DetectionSource.MONITORING, at("09:20:00"), "2025-03", null, null, null, null, null, null,
                null, null, null, null, null, null, null, 0));
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameStateAsOnce() {
        var events = ReopenedOutageStory.stream().recorded();
        IncidentMetrics twice = null;
        for (var event : events) {
            twice = AnalyticsFold.apply(AnalyticsFold.apply(twice, event), event);
        }

        assertThat(twice).isEqualTo(fold(events));
        for (var old : events) {
            assertThat(AnalyticsFold.apply(twice, old)).isSameAs(twice);
        }
    }
}
