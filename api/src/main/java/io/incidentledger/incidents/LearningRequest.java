package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/** Closes the incident; its postmortem becomes final. */
record LearningRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String postmortemSummary,
        @PlausibleTime Instant occurredAt) {
}
