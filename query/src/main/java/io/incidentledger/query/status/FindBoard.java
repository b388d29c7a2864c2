package io.incidentledger.query.status;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.Severity;

/**
 * A page of the board: open incidents (not LEARNED), most severe first, then oldest detection
 * first. Filters are optional (null matches all). A page below 0 reads as 0 and a size outside
 * 1..{@value #MAX_SIZE} as the nearest bound, so no input can fail the query.
 */
public record FindBoard(Phase phase, Severity severity, String service, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public FindBoard {
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), MAX_SIZE);
    }

    public static FindBoard all() {
        return new FindBoard(null, null, null, 0, DEFAULT_SIZE);
    }
}
