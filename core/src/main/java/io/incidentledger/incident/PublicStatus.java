package io.incidentledger.incident;

/** The status customers read on the status page. */
public enum PublicStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
