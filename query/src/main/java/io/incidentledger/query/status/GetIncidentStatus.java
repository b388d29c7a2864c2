package io.incidentledger.query.status;

/** One incident's live status; answers null when there is no such incident. Subscribable: updates are pushed. */
public record GetIncidentStatus(String incidentId) {
}
