package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/** The problem is fixed; fixReference is e.g. a commit or change id. */
record FixRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String resolution,
        @CodePoints(max = Limits.REFERENCE) String fixReference,
        @PlausibleTime Instant occurredAt) {
}
