package io.incidentledger.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.analytics.GetResponseAggregates.Grouping;
import io.incidentledger.query.analytics.ResponseAggregatesView.DurationStats;
import io.incidentledger.query.analytics.ResponseAggregatesView.Group;
import org.junit.jupiter.api.Test;

class ResponseAggregationTest {

    private static final DurationStats NONE = new DurationStats(0, null, null, null);

    /** An incident whose only known durations are time to detect and time to fix. */
    private static IncidentMetricsView incident(String id, Severity severity, String month, List<String> services,
                                                Long detect, Long fix) {
        return new IncidentMetricsView(id, 5, severity, services, DetectionSource.MONITORING,
                Instant.parse(month + "-10T00:00:00Z"), month, null, null, null, null, null, null, detect, null, null,
                fix, null, null, null, 0);
    }

    @Test
    void nearestRankPicksAnObservedValue() {
        assertThat(ResponseAggregation.nearestRank(List.of(15L, 20L, 35L, 40L, 50L), 50)).isEqualTo(35);
        assertThat(ResponseAggregation.nearestRank(List.of(15L, 20L, 35L, 40L, 50L), 90)).isEqualTo(50);
        var oneToTen = LongStream.rangeClosed(1, 10).boxed().toList();
        assertThat(ResponseAggregation.nearestRank(oneToTen, 50)).isEqualTo(5);
        assertThat(ResponseAggregation.nearestRank(oneToTen, 90)).isEqualTo(9);
        assertThat(ResponseAggregation.nearestRank(List.of(7L), 50)).isEqualTo(7);
        assertThat(ResponseAggregation.nearestRank(List.of(7L), 90)).isEqualTo(7);
        assertThat(ResponseAggregation.nearestRank(List.of(1L, 2L), 50)).isEqualTo(1);
    }

    private final List<IncidentMetricsView> incidents = List.of(
            incident("A", Severity.SEV2, "2025-01", List.of("api", "web"), 40L, 100L),
            incident("B", Severity.SEV1, "2025-02", List.of("api"), 15L, null),
            incident("C", Severity.SEV2, "2025-01", List.of("web"), 20L, 300L),
            incident("D", Severity.SEV2, "2025-02", List.of(), null, 200L));

    @Test
    void groupsBySeverityMostSevereFirstCountingOnlyKnownDurations() {
        var view = ResponseAggregation.aggregate(Grouping.SEVERITY, incidents);

        assertThat(view).isEqualTo(new ResponseAggregatesView(Grouping.SEVERITY, List.of(
                new Group("SEV1", 1, new DurationStats(1, 15.0, 15L, 15L), NONE, NONE, NONE, NONE, NONE, NONE),
                new Group("SEV2", 3, new DurationStats(2, 30.0, 20L, 40L), NONE, NONE,
                        new DurationStats(3, 200.0, 200L, 300L), NONE, NONE, NONE))));
    }

    @Test
    void groupsByServiceCountingAnIncidentInEachOfItsServices() {
        var view = ResponseAggregation.aggregate(Grouping.SERVICE, incidents);

        assertThat(view.groups()).extracting(Group::key, Group::incidents)
                .containsExactly(tuple("api", 2L),
                        tuple("web", 2L));
        assertThat(view.groups().get(0).timeToDetect()).isEqualTo(new DurationStats(2, 27.5, 15L, 40L));
        assertThat(view.groups().get(1).timeToFix()).isEqualTo(new DurationStats(2, 200.0, 100L, 300L));
    }

    @Test
    void groupsByMonthInOrder() {
        var view = ResponseAggregation.aggregate(Grouping.MONTH, incidents);

        assertThat(view.groups()).extracting(Group::key).containsExactly("2025-01", "2025-02");
        assertThat(view.groups()).extracting(Group::incidents).containsExactly(2L, 2L);
        assertThat(view.groups().get(1).timeToFix()).isEqualTo(new DurationStats(1, 200.0, 200L, 200L));
    }

    @Test
    void noIncidentsNoGroups() {
        assertThat(ResponseAggregation.aggregate(Grouping.MONTH, List.of()).groups()).isEmpty();
    }
}
