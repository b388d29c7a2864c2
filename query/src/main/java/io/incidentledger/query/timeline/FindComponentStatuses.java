package io.incidentledger.query.timeline;

/**
 * Every component any public incident ever named, by name: the worst status among the public
 * incidents still open to customers (latest update not RESOLVED), OPERATIONAL otherwise.
 */
public record FindComponentStatuses() {
}
