package io.incidentledger.incidents;

/**
 * What an Incident command answers on the command bus: the incident and its version (the
 * sequence number of its last event) once the command's events are stored, and whether this
 * is the stored answer to an earlier request with the same idempotency key.
 */
public record CommandOutcome(String incidentId, long version, boolean replayed) {
}
