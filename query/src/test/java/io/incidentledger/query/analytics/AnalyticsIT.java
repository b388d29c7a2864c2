package io.incidentledger.query.analytics;

import static io.incidentledger.query.ReplayChecks.assertRedeliveryChangesNothing;
import static io.incidentledger.query.ReplayChecks.assertResetAndReplayRebuild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.ProjectionHarness;
import io.incidentledger.query.ReopenedOutageStory;
import io.incidentledger.query.TestDatabase;
import io.incidentledger.query.analytics.GetResponseAggregates.Grouping;
import io.incidentledger.query.analytics.ResponseAggregatesView.DurationStats;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalyticsIT {

    private static final String[] TABLES = {"analytics_incident", "analytics_incident_service", "analytics_milestone"};

    /**
     * INC-62 (2025-02, SEV3, payments, acknowledged), INC-42 (2025-03-14, SEV1, the reopened outage),
     * INC-60 (2025-03-20, SEV2, checkout, a whole quick response), INC-61 (2025-04, SEV2, search, fixed).
     */
    private static List<DomainEventMessage<IncidentEvent>> fourIncidents() {
        var all = new ArrayList<>(ReopenedOutageStory.stream().messages());
        var quick = start("INC-60", "2025-03-20T10:00:00Z", Severity.SEV2, "checkout");
        var t = Instant.parse("2025-03-20T10:00:00Z");
        quick.record(new ImpactAssessed(quick.id(), "slow", t.minus(minutes(10)), 5.0, List.of(), t.plus(minutes(1))));
        quick.record(new IncidentAcknowledged(quick.id(), "ana", t.plus(minutes(2))));
        quick.record(new PublicUpdatePosted(quick.id(), "Looking.", PublicStatus.INVESTIGATING, null, t.plus(minutes(5))));
        quick.record(new IncidentContained(quick.id(), Mitigation.FAILOVER, "failed over", t.plus(minutes(10))));
        quick.record(new IncidentFixed(quick.id(), "patched", null, t.plus(minutes(30))));
        quick.record(new IncidentLearned(quick.id(), "done", t.plus(Duration.ofDays(1))));
        var fixed = start("INC-61", "2025-04-02T08:00:00Z", Severity.SEV2, "search");
        var u = Instant.parse("2025-04-02T08:00:00Z");
        fixed.record(new IncidentAcknowledged(fixed.id(), "ana", u.plus(minutes(4))));
        fixed.record(new IncidentFixed(fixed.id(), "reindexed", null, u.plus(minutes(60))));
        var acknowledged = start("INC-62", "2025-02-10T23:59:00Z", Severity.SEV3, "payments");
        acknowledged.record(new IncidentAcknowledged(acknowledged.id(), "ana",
                Instant.parse("2025-02-11T00:00:00Z")));
        all.addAll(quick.messages());
        all.addAll(fixed.messages());
        all.addAll(acknowledged.messages());
        return all;
    }

    private static IncidentStream start(String id, String at, Severity severity, String service) {
        var s = new IncidentStream(id, Instant.parse(at));
        s.record(new IncidentDetected(s.id(), "Incident " + id, severity, null, List.of(service),
                DetectionSource.AUTOMATED_TEST, Instant.parse(at)));
        return s;
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static ProjectionHarness<AnalyticsProjection> harness(TestDatabase db) {
        return new ProjectionHarness<>(emitter -> new AnalyticsProjection(db.jdbc()));
    }

    private static List<String> ids(ProjectionHarness<?> harness, FindIncidentMetrics query) {
        return harness.query(query, IncidentMetricsPage.class).incidents().stream()
                .map(IncidentMetricsView::incidentId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersIncidentRowsAndAggregates(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var messages = fourIncidents();
            db.processInBatches(messages, 7, harness.events());

            var expected = AnalyticsFoldTest.fold(ReopenedOutageStory.stream().recorded()).view();
            assertThat(harness.query(new GetIncidentMetrics("INC-42"), IncidentMetricsView.class)).isEqualTo(expected);
            assertThat(harness.query(new GetIncidentMetrics("INC-NONE"), IncidentMetricsView.class)).isNull();

            var all = harness.query(FindIncidentMetrics.all(), IncidentMetricsPage.class);
            assertThat(all.incidents()).extracting(IncidentMetricsView::incidentId)
                    .containsExactly("INC-62", "INC-42", "INC-60", "INC-61");
            assertThat(all.total()).isEqualTo(4);
            assertThat(all.incidents().get(2)).isEqualTo(new IncidentMetricsView("INC-60", 6, Severity.SEV2,
                    List.of("checkout"), DetectionSource.AUTOMATED_TEST, Instant.parse("2025-03-20T10:00:00Z"),
                    "2025-03", Instant.parse("2025-03-20T09:50:00Z"), Instant.parse("2025-03-20T10:02:00Z"),
                    Instant.parse("2025-03-20T10:10:00Z"), Instant.parse("2025-03-20T10:30:00Z"),
                    Instant.parse("2025-03-21T10:00:00Z"), Instant.parse("2025-03-20T10:05:00Z"),
                    600L, 120L, 600L, 1800L, 84_600L, 2400L, 300L, 0));
            assertThat(all.incidents().get(0).month()).as("month of detection, UTC").isEqualTo("2025-02");

            assertThat(ids(harness, new FindIncidentMetrics(Severity.SEV2, null, null, null, 0, 10)))
                    .containsExactly("INC-60", "INC-61");
            assertThat(ids(harness, new FindIncidentMetrics(null, "checkout", null, null, 0, 10)))
                    .containsExactly("INC-42", "INC-60");
            assertThat(ids(harness, new FindIncidentMetrics(null, null, YearMonth.of(2025, 3), YearMonth.of(2025, 3),
                    0, 10))).containsExactly("INC-42", "INC-60");
            assertThat(ids(harness, new FindIncidentMetrics(null, " payments ", YearMonth.of(2025, 3), null, 0, 10)))
                    .containsExactly("INC-42");
            var last = harness.query(new FindIncidentMetrics(null, null, null, null, 1, 3), IncidentMetricsPage.class);
            assertThat(last.incidents()).extracting(IncidentMetricsView::incidentId).containsExactly("INC-61");
            assertThat(last.total()).isEqualTo(4);

            var bySeverity = harness.query(new GetResponseAggregates(Grouping.SEVERITY, null, null),
                    ResponseAggregatesView.class);
            assertThat(bySeverity.groups()).extracting(ResponseAggregatesView.Group::key)
                    .containsExactly("SEV1", "SEV2", "SEV3");
            var sev2 = bySeverity.groups().get(1);
            assertThat(sev2.incidents()).isEqualTo(2);
            assertThat(sev2.timeToAcknowledge()).isEqualTo(new DurationStats(2, 180.0, 120L, 240L));
            assertThat(sev2.timeToFix()).isEqualTo(new DurationStats(2, 2700.0, 1800L, 3600L));
            assertThat(sev2.timeToContain()).isEqualTo(new DurationStats(1, 600.0, 600L, 600L));

            var folded = all.incidents();
            assertThat(bySeverity).isEqualTo(ResponseAggregation.aggregate(Grouping.SEVERITY, folded));
            assertThat(harness.query(new GetResponseAggregates(Grouping.SERVICE, YearMonth.of(2025, 3), null),
                    ResponseAggregatesView.class)).isEqualTo(ResponseAggregation.aggregate(Grouping.SERVICE,
                    folded.subList(1, 4)));
            var byMonth = harness.query(new GetResponseAggregates(Grouping.MONTH, null, YearMonth.of(2025, 3)),
                    ResponseAggregatesView.class);
            assertThat(byMonth.groups()).extracting(ResponseAggregatesView.Group::key, ResponseAggregatesView.Group::incidents)
                    .containsExactly(tuple("2025-02", 1L),
                            tuple("2025-03", 2L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void everyEventDeliveredTwiceLeavesTheSameTablesAsOneDelivery(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var tables = assertRedeliveryChangesNothing(db, harness(db), fourIncidents(), TABLES);

            assertThat(tables).contains("INC-42", "INC-62");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aResetClearsOnlyItsOwnTablesAndAReplayRebuildsThemByteIdentical(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            db.jdbc().update("INSERT INTO postmortem_state (incident_id, version, state_json) VALUES ('INC-X', 0, '{}')");

            assertResetAndReplayRebuild(db, harness(db), fourIncidents(), TABLES);

            assertThat(db.dump("postmortem_state")).as("another model's table").contains("INC-X");
        }
    }
}
