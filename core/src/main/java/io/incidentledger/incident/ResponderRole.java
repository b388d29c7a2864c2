package io.incidentledger.incident;

/** The roles of incident response; people appear in public and blameless views only as these. */
public enum ResponderRole {
    COMMANDER, COMMUNICATIONS, OPERATIONS, SUBJECT_MATTER_EXPERT, SCRIBE
}
