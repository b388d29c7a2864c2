package io.incidentledger.query.analytics;

import static io.incidentledger.query.ViewTable.bigint;
import static io.incidentledger.query.ViewTable.instant;
import static io.incidentledger.query.ViewTable.integer;
import static io.incidentledger.query.ViewTable.text;
import static io.incidentledger.query.ViewTable.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.ResponseTimes.Milestone;
import io.incidentledger.query.ResponseTimes.MilestoneKind;
import io.incidentledger.query.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tables {@code analytics_incident}, {@code analytics_incident_service} and
 * {@code analytics_milestone} (documented in V5__analytics.sql): the rows analytics jobs read,
 * and at the same time the projection's whole state.
 */
final class AnalyticsTable {

    private static final String COLUMNS = "incident_id, version, severity, detection_source, detected_at,"
            + " detection_month, impact_started_at, acknowledged_at, contained_at, fixed_at, learned_at,"
            + " first_public_update_at, time_to_detect_seconds, time_to_acknowledge_seconds, time_to_contain_seconds,"
            + " time_to_fix_seconds, time_to_learn_seconds, impact_duration_seconds,"
            + " time_to_first_public_update_seconds, reopen_count";

    private final JdbcTemplate jdbc;
    private final ViewTable incidents;
    private final ViewTable services;
    private final ViewTable milestones;

    AnalyticsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incidents = new ViewTable(jdbc, "analytics_incident", text("incident_id"), bigint("version"),
                text("severity"), text("detection_source"), time("detected_at"), text("detection_month"),
                time("impact_started_at"), time("acknowledged_at"), time("contained_at"), time("fixed_at"),
                time("learned_at"), time("first_public_update_at"), bigint("time_to_detect_seconds"),
                bigint("time_to_acknowledge_seconds"), bigint("time_to_contain_seconds"), bigint("time_to_fix_seconds"),
                bigint("time_to_learn_seconds"), bigint("impact_duration_seconds"),
                bigint("time_to_first_public_update_seconds"), integer("reopen_count"));
        this.services = new ViewTable(jdbc, "analytics_incident_service", text("incident_id"), text("service"));
        this.milestones = new ViewTable(jdbc, "analytics_milestone", text("incident_id"), bigint("sequence_number"),
                text("kind"), time("occurred_at"));
    }

    IncidentMetrics state(String incidentId) {
        return states(List.of(incidentId)).get(incidentId);
    }

    /** The states of the incidents that have one, read with a few statements for the whole batch. */
    Map<String, IncidentMetrics> states(Collection<String> incidentIds) {
        var rows = withServices(incidents.select(COLUMNS, incidentIds, (rs, n) -> row(rs)));
        var steps = new HashMap<String, List<Milestone>>();
        milestones.select("incident_id, sequence_number, kind, occurred_at", incidentIds,
                (rs, n) -> Map.entry(rs.getString(1), new Milestone(rs.getLong(2),
                        MilestoneKind.valueOf(rs.getString(3)), instant(rs, "occurred_at"))))
                .forEach(step -> steps.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(step.getValue()));
        var states = new HashMap<String, IncidentMetrics>();
        for (var view : rows) {
            var ordered = steps.getOrDefault(view.incidentId(), List.of()).stream()
                    .sorted(Comparator.comparingLong(Milestone::sequenceNumber)).toList();
            states.put(view.incidentId(), new IncidentMetrics(view.incidentId(), view.version(), view.severity(),
                    view.services(), view.detectionSource(), view.impactStartedAt(), ordered));
        }
        return states;
    }

    void write(Collection<IncidentMetrics> changed) {
        var incidentRows = new ArrayList<Object[]>();
        var serviceRows = new ArrayList<Object[]>();
        var milestoneRows = new ArrayList<Object[]>();
        for (var state : changed) {
            var v = state.view();
            incidentRows.add(new Object[] {v.incidentId(), v.version(), v.severity(), v.detectionSource(),
                    v.detectedAt(), v.month(), v.impactStartedAt(), v.acknowledgedAt(), v.containedAt(), v.fixedAt(),
                    v.learnedAt(), v.firstPublicUpdateAt(), v.timeToDetectSeconds(), v.timeToAcknowledgeSeconds(),
                    v.timeToContainSeconds(), v.timeToFixSeconds(), v.timeToLearnSeconds(), v.impactDurationSeconds(),
                    v.timeToFirstPublicUpdateSeconds(), v.reopenCount()});
            v.services().forEach(service -> serviceRows.add(new Object[] {v.incidentId(), service}));
            state.milestones().forEach(m -> milestoneRows.add(new Object[] {v.incidentId(), m.sequenceNumber(),
                    m.kind(), m.at()}));
        }
        var ids = changed.stream().map(IncidentMetrics::incidentId).toList();
        incidents.replace(ids, incidentRows);
        services.replace(ids, serviceRows);
        milestones.replace(ids, milestoneRows);
    }

    void clear() {
        milestones.clear();
        services.clear();
        incidents.clear();
    }

    IncidentMetricsView find(String incidentId) {
        return views(" FROM analytics_incident a WHERE a.incident_id = ?", List.of(incidentId), "")
                .stream().findFirst().orElse(null);
    }

    IncidentMetricsPage page(FindIncidentMetrics query) {
        var filter = Filter.of(query.severity(), query.service(), query.from(), query.to());
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + filter.where(), Long.class, filter.args().toArray());
        var args = new ArrayList<>(filter.args());
        args.add((long) query.page() * query.size());
        args.add(query.size());
        return new IncidentMetricsPage(views(filter.where(), args,
                " ORDER BY a.detected_at, a.incident_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"),
                query.page(), query.size(), total == null ? 0 : total);
    }

    List<IncidentMetricsView> detectedIn(YearMonth from, YearMonth to) {
        var filter = Filter.of(null, null, from, to);
        return views(filter.where(), filter.args(), " ORDER BY a.detected_at, a.incident_id");
    }

    /** The rows matching {@code where} (over alias {@code a}), each with its services. */
    private List<IncidentMetricsView> views(String where, List<Object> args, String orderAndPage) {
        return withServices(jdbc.query("SELECT " + COLUMNS + where + orderAndPage, (rs, n) -> row(rs),
                args.toArray()));
    }

    private List<IncidentMetricsView> withServices(List<IncidentMetricsView> rows) {
        var byId = new HashMap<String, List<String>>();
        services.select("incident_id, service", rows.stream().map(IncidentMetricsView::incidentId).toList(),
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> byId.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
        return rows.stream().map(r -> new IncidentMetricsView(r.incidentId(), r.version(), r.severity(),
                byId.getOrDefault(r.incidentId(), List.of()).stream().sorted().toList(), r.detectionSource(),
                r.detectedAt(), r.month(), r.impactStartedAt(), r.acknowledgedAt(), r.containedAt(), r.fixedAt(),
                r.learnedAt(), r.firstPublicUpdateAt(), r.timeToDetectSeconds(), r.timeToAcknowledgeSeconds(),
                r.timeToContainSeconds(), r.timeToFixSeconds(), r.timeToLearnSeconds(), r.impactDurationSeconds(),
                r.timeToFirstPublicUpdateSeconds(), r.reopenCount())).toList();
    }

    private static IncidentMetricsView row(ResultSet rs) throws SQLException {
        var severity = rs.getString("severity");
        var source = rs.getString("detection_source");
        return new IncidentMetricsView(rs.getString("incident_id"), rs.getLong("version"),
                severity == null ? null : Severity.valueOf(severity), List.of(),
                source == null ? null : DetectionSource.valueOf(source), instant(rs, "detected_at"),
                rs.getString("detection_month"), instant(rs, "impact_started_at"), instant(rs, "acknowledged_at"),
                instant(rs, "contained_at"), instant(rs, "fixed_at"), instant(rs, "learned_at"),
                instant(rs, "first_public_update_at"), seconds(rs, "time_to_detect_seconds"),
                seconds(rs, "time_to_acknowledge_seconds"), seconds(rs, "time_to_contain_seconds"),
                seconds(rs, "time_to_fix_seconds"), seconds(rs, "time_to_learn_seconds"),
                seconds(rs, "impact_duration_seconds"), seconds(rs, "time_to_first_public_update_seconds"),
                rs.getInt("reopen_count"));
    }

    private static Long seconds(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The WHERE clause (over alias {@code a}) of the optional filters, and its arguments. */
    private record Filter(String where, List<Object> args) {

        static Filter of(Severity severity, String service, YearMonth from, YearMonth to) {
            var where = new StringBuilder(" FROM analytics_incident a WHERE 1 = 1");
            var args = new ArrayList<Object>();
            if (severity != null) {
                where.append(" AND a.severity = ?");
                args.add(severity.name());
            }
            if (service != null) {
                where.append(" AND EXISTS (SELECT 1 FROM analytics_incident_service s"
                        + " WHERE s.incident_id = a.incident_id AND s.service = ?)");
                args.add(service);
            }
            if (from != null) {
                where.append(" AND a.detection_month >= ?");
                args.add(IncidentMetricsView.MONTH.format(from));
            }
            if (to != null) {
                where.append(" AND a.detection_month <= ?");
                args.add(IncidentMetricsView.MONTH.format(to));
            }
            return new Filter(where.toString(), args);
        }
    }
}
