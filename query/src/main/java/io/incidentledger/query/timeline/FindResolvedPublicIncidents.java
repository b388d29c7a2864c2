package io.incidentledger.query.timeline;

import java.time.Instant;

/**
 * Public incidents resolved at or after {@code since}, most recently resolved first, at most
 * {@code limit} (read as 1..{@value #MAX_LIMIT}). A null {@code since} means no lower bound.
 */
public record FindResolvedPublicIncidents(Instant since, int limit) {

    public static final int MAX_LIMIT = 200;

    public FindResolvedPublicIncidents {
        limit = Math.min(Math.max(limit, 1), MAX_LIMIT);
    }
}
