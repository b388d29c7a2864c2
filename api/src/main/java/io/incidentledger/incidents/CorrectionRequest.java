package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Corrects the entry at sequenceNumber: its text, its time, or both. History itself never changes. */
record CorrectionRequest(
        @NotNull @PositiveOrZero Long sequenceNumber,
        @NotBlank @CodePoints(max = Limits.TEXT) String reason,
        @CodePoints(max = Limits.TEXT) String replacementText,
        @PlausibleTime Instant correctedOccurredAt,
        @PlausibleTime Instant occurredAt) {
}
