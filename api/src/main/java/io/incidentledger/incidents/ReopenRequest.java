package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/** The problem came back: a fixed incident returns to acknowledged. */
record ReopenRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String reason,
        @PlausibleTime Instant occurredAt) {
}
