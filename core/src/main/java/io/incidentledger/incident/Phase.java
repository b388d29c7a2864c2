package io.incidentledger.incident;

/** The lifecycle of an incident, in order. Phases only move forward, except by reopening. */
public enum Phase {
    DETECTED, ACKNOWLEDGED, CONTAINED, FIXED, LEARNED;

    public boolean isBefore(Phase other) {
        return compareTo(other) < 0;
    }

    /** Not fixed yet: the problem still hurts (an incident stays open until LEARNED). */
    public boolean isBeforeFix() {
        return this != FIXED && this != LEARNED;
    }
}
