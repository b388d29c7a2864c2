package io.incidentledger.query.analytics;

import java.util.List;

/** One page of incident rows and the number of rows matching the filters. */
public record IncidentMetricsPage(List<IncidentMetricsView> incidents, int page, int size, long total) {

    public IncidentMetricsPage {
        incidents = List.copyOf(incidents);
    }
}
