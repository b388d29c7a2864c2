package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.Mitigation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The bleeding has stopped, and how. */
record ContainmentRequest(
        @NotNull Mitigation mitigation,
        @NotBlank @CodePoints(max = Limits.TEXT) String description,
        @PlausibleTime Instant occurredAt) {
}
