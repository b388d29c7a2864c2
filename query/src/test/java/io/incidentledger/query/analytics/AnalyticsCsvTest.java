package io.incidentledger.query.analytics;

import static io.incidentledger.query.ReopenedOutageStory.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.ReopenedOutageStory;
import io.incidentledger.query.analytics.GetResponseAggregates.Grouping;
import io.incidentledger.query.analytics.ResponseAggregatesView.DurationStats;
import io.incidentledger.query.analytics.ResponseAggregatesView.Group;
import org.junit.jupiter.api.Test;

class AnalyticsCsvTest {

    private static final String HEADER = "incident_id,version,severity,services,detection_source,detected_at,"
            + "detection_month,impact_started_at,acknowledged_at,contained_at,fixed_at,learned_at,"
            + "first_public_update_at,time_to_detect_seconds,time_to_acknowledge_seconds,time_to_contain_seconds,"
            + "time_to_fix_seconds,time_to_learn_seconds,impact_duration_seconds,time_to_first_public_update_seconds,"
            + "reopen_count\r\n";

    @Test
    void writesOneRowPerIncidentUnderTheDocumentedHeader() {
        var story = AnalyticsFoldTest.fold(ReopenedOutageStory.stream().recorded()).view();
        var awkward = new IncidentMetricsView("INC-7", 0, Severity.SEV4, List.of("a,b", "say \"hi\""),
                DetectionSource.OTHER, at("08:00:00"), "2025-03", null, null, null, null, null, null, null, null, null,
                null, null, null, null, 0);

        assertThat(AnalyticsCsv.incidents(List.of(story, awkward))).isEqualTo(HEADER
                + "INC-42,24,SEV1,checkout;payments,MONITORING,2025-03-14T09:20:00Z,2025-03,2025-03-14T09:13:00Z,"
                + "2025-03-14T09:21:30Z,2025-03-14T09:38:00Z,2025-03-14T11:10:00Z,2025-03-14T12:00:00Z,"
                + "2025-03-14T09:26:00Z,420,90,1080,6600,3000,7020,360,1\r\n"
                + "INC-7,0,SEV4,\"a,b;say \"\"hi\"\"\",OTHER,2025-03-14T08:00:00Z,2025-03,,,,,,,,,,,,,,0\r\n");
        assertThat(AnalyticsCsv.incidents(List.of())).isEqualTo(HEADER);
    }

    @Test
    void writesOneRowPerGroupWithFourColumnsPerDuration() {
        var none = new DurationStats(0, null, null, null);
        var view = new ResponseAggregatesView(Grouping.SEVERITY, List.of(new Group("SEV1", 3,
                new DurationStats(3, 1.0E7 / 3, 20L, 40L), none, none, none, none, none,
                new DurationStats(1, 1.0E7, 10_000_000L, 10_000_000L))));

        var lines = AnalyticsCsv.aggregates(view).split("\r\n");

        assertThat(lines[0]).isEqualTo("group_by,key,incidents,"
                + "time_to_detect_count,time_to_detect_mean_seconds,time_to_detect_p50_seconds,time_to_detect_p90_seconds,"
                + "time_to_acknowledge_count,time_to_acknowledge_mean_seconds,time_to_acknowledge_p50_seconds,"
                + "time_to_acknowledge_p90_seconds,time_to_contain_count,time_to_contain_mean_seconds,"
                + "time_to_contain_p50_seconds,time_to_contain_p90_seconds,time_to_fix_count,time_to_fix_mean_seconds,"
                + "time_to_fix_p50_seconds,time_to_fix_p90_seconds,time_to_learn_count,time_to_learn_mean_seconds,"
                + "time_to_learn_p50_seconds,time_to_learn_p90_seconds,impact_duration_count,"
                + "impact_duration_mean_seconds,impact_duration_p50_seconds,impact_duration_p90_seconds,"
                + "time_to_first_public_update_count,time_to_first_public_update_mean_seconds,"
                + "time_to_first_public_update_p50_seconds,time_to_first_public_update_p90_seconds");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("SEVERITY,SEV1,3,3,3333333.3333333335,20,40,0,,,,0,,,,0,,,,0,,,,0,,,,"
                + "1,10000000,10000000,10000000");
    }
}
