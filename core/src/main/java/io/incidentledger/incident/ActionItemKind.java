package io.incidentledger.incident;

/** What an action item improves. */
public enum ActionItemKind {
    PREVENT, DETECT, MITIGATE, PROCESS
}
