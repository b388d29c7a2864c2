package io.incidentledger.query.analytics;

import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.query.BatchedViews;
import io.incidentledger.query.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Analytics: one row of response times per incident and aggregates over them. The rows are both
 * what analytics jobs read and the projection's whole state; {@link AnalyticsCsv} renders the
 * query results as CSV.
 */
@Component
@ProcessingGroup(AnalyticsProjection.PROCESSING_GROUP)
public class AnalyticsProjection {

    public static final String PROCESSING_GROUP = "analytics";

    private final AnalyticsTable table;
    private final BatchedViews<String, IncidentMetrics> states;

    public AnalyticsProjection(JdbcTemplate jdbc) {
        this.table = new AnalyticsTable(jdbc);
        this.states = new BatchedViews<String, IncidentMetrics>(table::state, changed -> table.write(changed.values()))
                .prefetching(RecordedEvent::incidentIdOf, table::states);
    }

    @EventHandler
    void on(IncidentEvent event, DomainEventMessage<?> message) {
        var recorded = RecordedEvent.of(message);
        states.update(recorded.incidentId(), state -> AnalyticsFold.apply(state, recorded));
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    IncidentMetricsView handle(GetIncidentMetrics query) {
        return table.find(query.incidentId());
    }

    @QueryHandler
    IncidentMetricsPage handle(FindIncidentMetrics query) {
        return table.page(query);
    }

    @QueryHandler
    ResponseAggregatesView handle(GetResponseAggregates query) {
        return ResponseAggregation.aggregate(query.groupBy(), table.detectedIn(query.from(), query.to()));
    }
}
