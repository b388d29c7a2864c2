package io.incidentledger.query.timeline;

/** One public incident; answers null when there is no such incident or it is not public (yet). */
public record GetPublicIncident(String incidentId) {
}
