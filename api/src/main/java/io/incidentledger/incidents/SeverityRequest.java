package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Raises or lowers the severity, with the reason. */
record SeverityRequest(
        @NotNull Severity severity,
        @NotBlank @CodePoints(max = Limits.TEXT) String reason,
        @PlausibleTime Instant occurredAt) {
}
