package io.incidentledger.history;

import io.incidentledger.incident.IncidentId;

/**
 * One line of a history: the command it stands for, who gave it, and where it stood in the file.
 *
 * @param replay for a line of an export, what the command must reproduce; null for the simple format
 */
record TimelineEntry(int lineNumber, IncidentId incidentId, String actor, Object command, Replay replay) {

    TimelineEntry(int lineNumber, IncidentId incidentId, String actor, Object command) {
        this(lineNumber, incidentId, actor, command, null);
    }
}
