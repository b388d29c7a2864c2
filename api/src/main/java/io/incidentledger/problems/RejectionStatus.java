package io.incidentledger.problems;

import io.incidentledger.incident.Rejection;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each domain rejection. 409 when the incident's current state refuses a
 * request that could succeed in another state; 422 when the request contradicts the incident's
 * recorded history or times and would never succeed as sent; 404 when the path names a
 * responder or action item the incident does not have. The switch has no default, so a new
 * rejection code does not compile until it has a status.
 */
final class RejectionStatus {

    private RejectionStatus() {
    }

    static HttpStatus of(Rejection rejection) {
        return switch (rejection) {
            case INCIDENT_CLOSED, ALREADY_ACKNOWLEDGED, NOT_ACKNOWLEDGED, ALREADY_CONTAINED, ALREADY_FIXED,
                 NOT_FIXED, RESOLVED_BEFORE_FIX, SEVERITY_UNCHANGED, RESPONDER_ALREADY_ASSIGNED,
                 COMMANDER_REQUIRED, ACTION_ITEM_EXISTS, ACTION_ITEM_ALREADY_COMPLETED -> HttpStatus.CONFLICT;
            case RESPONDER_NOT_ASSIGNED, ACTION_ITEM_UNKNOWN -> HttpStatus.NOT_FOUND;
            case OCCURRED_IN_FUTURE, OCCURRED_BEFORE_DETECTION, OCCURRED_BEFORE_PREVIOUS_PHASE,
                 OCCURRED_AFTER_NEXT_PHASE, DETECTION_AFTER_RESPONSE, IMPACT_START_AFTER_ASSESSMENT,
                 NEXT_UPDATE_NOT_AFTER_POST, ENTRY_NOT_FOUND, ENTRY_NOT_CORRECTABLE,
                 ENTRY_HAS_NO_TEXT -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static Rejection named(String name) {
        for (var rejection : Rejection.values()) {
            if (rejection.name().equals(name)) {
                return rejection;
            }
        }
        return null;
    }
}
