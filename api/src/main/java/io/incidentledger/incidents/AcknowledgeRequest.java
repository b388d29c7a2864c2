package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/** Someone owns the incident and becomes its commander. */
record AcknowledgeRequest(
        @NotBlank @CodePoints(max = Limits.NAME) String commander,
        @PlausibleTime Instant occurredAt) {
}
