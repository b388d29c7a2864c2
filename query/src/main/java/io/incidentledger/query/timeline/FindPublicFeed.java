package io.incidentledger.query.timeline;

/** The latest public updates across incidents, most recently changed first, at most {@code limit} (1..{@value #MAX_LIMIT}). */
public record FindPublicFeed(int limit) {

    public static final int MAX_LIMIT = 500;

    public FindPublicFeed {
        limit = Math.min(Math.max(limit, 1), MAX_LIMIT);
    }
}
