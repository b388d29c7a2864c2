package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.PublicStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A customer-facing update for the status page and feed. */
record PublicUpdateRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String message,
        @NotNull PublicStatus status,
        @PlausibleTime Instant nextUpdateDue,
        @PlausibleTime Instant occurredAt) {
}
