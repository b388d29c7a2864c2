package io.incidentledger.query.postmortem;

/** One incident's postmortem ({@link PostmortemView}); answers null when there is no such incident. */
public record GetPostmortem(String incidentId) {
}
