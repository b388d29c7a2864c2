package io.incidentledger.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.incidentledger.query.audit.GetPostmortemAsOf;
import io.incidentledger.query.audit.GetPublicIncidentAsOf;
import io.incidentledger.query.postmortem.GetPostmortem;
import io.incidentledger.query.postmortem.PostmortemView;
import io.incidentledger.query.status.GetIncidentStatus;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.query.timeline.GetPublicIncident;
import io.incidentledger.query.timeline.PublicIncidentView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read-model tables of a running application: waiting for them, and dumping them. */
public final class ReadModels {

    public static final List<String> TABLES = List.of("live_status", "live_status_service",
            "customer_timeline_incident", "customer_timeline_update", "customer_timeline_component", "postmortem",
            "postmortem_service", "postmortem_state", "analytics_incident", "analytics_incident_service",
            "analytics_milestone");

    private final QueryGateway queries;
    private final JdbcClient jdbc;

    public ReadModels(QueryGateway queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    public List<String> incidents() {
        return jdbc.sql("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry ORDER BY aggregateIdentifier")
                .query(String.class).list();
    }

    /**
     * Waits until every model has folded every stored event of these incidents: versions reach
     * the last sequence number, and the public timeline equals its reconstruction from the store.
     */
    public void awaitCaughtUp(Collection<String> incidentIds) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var id : incidentIds) {
                long last = jdbc.sql("SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                        .param(id).query(Long.class).single();
                var status = queries.query(new GetIncidentStatus(id), ResponseTypes.instanceOf(IncidentStatusView.class)).join();
                assertThat(status).as("live status of %s", id).isNotNull();
                assertThat(status.version()).as("live status of %s", id).isEqualTo(last);
                var postmortem = queries.query(new GetPostmortem(id), ResponseTypes.instanceOf(PostmortemView.class)).join();
                assertThat(postmortem).as("postmortem of %s", id).isNotNull();
                assertThat(postmortem.version()).as("postmortem of %s", id).isEqualTo(last);
                assertThat(jdbc.sql("SELECT version FROM analytics_incident WHERE incident_id = ?").param(id)
                        .query(Long.class).optional()).as("analytics of %s", id).contains(last);
                var now = Instant.now();
                var table = queries.query(new GetPublicIncident(id), ResponseTypes.instanceOf(PublicIncidentView.class)).join();
                var folded = queries.query(new GetPublicIncidentAsOf(id, now),
                        ResponseTypes.optionalInstanceOf(PublicIncidentView.class)).join().orElse(null);
                assertThat(table).as("public timeline of %s", id).isEqualTo(folded);
            }
        });
    }

    /** Every read-model table as sorted text rows: equal dumps, equal tables. */
    public String dump() {
        var dump = new StringBuilder();
        for (var table : TABLES) {
            var rows = new ArrayList<>(jdbc.sql("SELECT * FROM " + table).query((rs, n) -> row(rs)).list());
            rows.sort(null);
            dump.append(table).append(" (").append(rows.size()).append(" rows)\n");
            rows.forEach(row -> dump.append("  ").append(row).append('\n'));
        }
        return dump.toString();
    }

    private static String row(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).contains("timestamp")
                    ? Objects.toString(rs.getObject(i, OffsetDateTime.class) == null ? null
                            : rs.getObject(i, OffsetDateTime.class).toInstant())
                    : rs.getString(i);
            row.append(i == 1 ? "" : " | ").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=').append(value);
        }
        return row.toString();
    }

    /** For tests that compare a live view with its reconstruction at the same instant. */
    public PostmortemView postmortemAsOf(String id, Instant asOf) {
        return queries.query(new GetPostmortemAsOf(id, asOf), ResponseTypes.optionalInstanceOf(PostmortemView.class))
                .join().orElse(null);
    }
}
