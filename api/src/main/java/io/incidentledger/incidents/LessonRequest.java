package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.LessonCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** What went well, what went wrong, or where we got lucky. */
record LessonRequest(
        @NotNull LessonCategory category,
        @NotBlank @CodePoints(max = Limits.TEXT) String text,
        @PlausibleTime Instant occurredAt) {
}
