package io.incidentledger.query.status;

import java.util.List;

/** One page of the board and the number of open incidents matching the filters. */
public record BoardView(List<IncidentStatusView> incidents, int page, int size, long total) {

    public BoardView {
        incidents = List.copyOf(incidents);
    }
}
