package io.incidentledger.query.timeline;

/** Public incidents customers still await news on (latest update not RESOLVED), newest first. */
public record FindCurrentPublicIncidents() {
}
