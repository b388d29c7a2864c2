package io.incidentledger.incident;

/**
 * Every reason the Incident aggregate refuses a command. The names are the stable,
 * machine-readable codes clients see in problem details; never rename one.
 */
public enum Rejection {
    INCIDENT_CLOSED("The incident is closed (learned); only corrections can be recorded."),
    ALREADY_ACKNOWLEDGED("The incident is already acknowledged; hand command over by assigning a new commander."),
    NOT_ACKNOWLEDGED("Nobody owns the incident yet; acknowledge it first."),
    ALREADY_CONTAINED("The incident is already contained."),
    ALREADY_FIXED("The incident is already fixed; reopen it if the problem came back."),
    NOT_FIXED("The incident is not fixed yet."),
    OCCURRED_IN_FUTURE("The time it occurred lies in the future."),
    OCCURRED_BEFORE_DETECTION("The time it occurred lies before the incident was detected."),
    OCCURRED_BEFORE_PREVIOUS_PHASE("The time it occurred lies before the incident's previous phase change."),
    OCCURRED_AFTER_NEXT_PHASE("The corrected time lies after the incident's next phase change."),
    DETECTION_AFTER_RESPONSE("The corrected detection time lies after entries of the response itself."),
    IMPACT_START_AFTER_ASSESSMENT("Customer impact cannot start after the assessment that reports it."),
    NEXT_UPDATE_NOT_AFTER_POST("The next public update must be due after this one is posted."),
    RESOLVED_BEFORE_FIX("Customers cannot be told it is resolved before the incident is fixed."),
    SEVERITY_UNCHANGED("The incident already has this severity."),
    RESPONDER_ALREADY_ASSIGNED("This person already holds this role."),
    RESPONDER_NOT_ASSIGNED("This person is not a responder on the incident."),
    COMMANDER_REQUIRED("The commander cannot be released; assign a new commander to hand over."),
    ACTION_ITEM_EXISTS("An action item with this id already exists."),
    ACTION_ITEM_UNKNOWN("No action item with this id exists."),
    ACTION_ITEM_ALREADY_COMPLETED("The action item is already completed."),
    ENTRY_NOT_FOUND("No entry with this sequence number exists."),
    ENTRY_NOT_CORRECTABLE("Corrections cannot be corrected; correct the original entry again."),
    ENTRY_HAS_NO_TEXT("This entry has no text to replace.");

    private final String message;

    Rejection(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    public IncidentRejected exception() {
        return new IncidentRejected(this, message);
    }

    public IncidentRejected exception(String detail) {
        return new IncidentRejected(this, message + " " + detail);
    }
}
