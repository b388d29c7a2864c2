package io.incidentledger.analytics;

import java.time.YearMonth;

import io.incidentledger.incident.Severity;
import io.incidentledger.incidents.ReadYourWrites;
import io.incidentledger.query.analytics.AnalyticsCsv;
import io.incidentledger.query.analytics.FindIncidentMetrics;
import io.incidentledger.query.analytics.GetIncidentMetrics;
import io.incidentledger.query.analytics.GetResponseAggregates;
import io.incidentledger.query.analytics.IncidentMetricsPage;
import io.incidentledger.query.analytics.IncidentMetricsView;
import io.incidentledger.query.analytics.ResponseAggregatesView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Response-time analytics for analysts and their jobs: one row per incident and aggregates by
 * severity, service or month, as JSON or CSV ({@code Accept: text/csv}). Columns are documented
 * in the analytics tables' migration (V5__analytics.sql).
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    AnalyticsController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(value = "/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentMetricsPage incidents(@RequestParam(required = false) Severity severity,
                                  @RequestParam(required = false) String service,
                                  @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                  @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "" + FindIncidentMetrics.DEFAULT_SIZE) int size) {
        return queries.query(new FindIncidentMetrics(severity, service, from, to, page, size),
                ResponseTypes.instanceOf(IncidentMetricsPage.class)).join();
    }

    @GetMapping(value = "/incidents", produces = CSV)
    ResponseEntity<String> incidentsCsv(@RequestParam(required = false) Severity severity,
                                        @RequestParam(required = false) String service,
                                        @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                        @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "" + FindIncidentMetrics.MAX_SIZE) int size) {
        var rows = incidents(severity, service, from, to, page, size);
        return csv(AnalyticsCsv.incidents(rows.incidents()), "incidents.csv");
    }

    @GetMapping(value = "/incidents/{incidentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentMetricsView incident(@PathVariable String incidentId) {
        return readYourWrites.incident(incidentId, () -> queries.query(new GetIncidentMetrics(incidentId),
                ResponseTypes.instanceOf(IncidentMetricsView.class)).join(), IncidentMetricsView::version);
    }

    @GetMapping(value = "/aggregates", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseAggregatesView aggregates(@RequestParam(defaultValue = "SEVERITY") GetResponseAggregates.Grouping groupBy,
                                      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return queries.query(new GetResponseAggregates(groupBy, from, to),
                ResponseTypes.instanceOf(ResponseAggregatesView.class)).join();
    }

    @GetMapping(value = "/aggregates", produces = CSV)
    ResponseEntity<String> aggregatesCsv(@RequestParam(defaultValue = "SEVERITY") GetResponseAggregates.Grouping groupBy,
                                         @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                         @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return csv(AnalyticsCsv.aggregates(aggregates(groupBy, from, to)), "aggregates-" + groupBy.name().toLowerCase() + ".csv");
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV))
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .body(body);
    }
}
