package io.incidentledger.incidents;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/** An internal note for responders; never public. occurredAt may precede detection (the lead-up). */
record NoteRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String note,
        @PlausibleTime Instant occurredAt) {
}
