package io.incidentledger.incident;

/** A component's status as customers see it, from best to worst. */
public enum ComponentStatus {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE
}
