package io.incidentledger.incidents;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opens an incident. Without an incidentId the server generates one. */
record DetectRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                message = "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit")
        String incidentId,
        @NotBlank @CodePoints(max = Limits.TITLE) String title,
        @NotNull Severity severity,
        @CodePoints(max = Limits.TEXT) String summary,
        @Size(max = Limits.LIST) List<@NotBlank @CodePoints(max = Limits.NAME) String> affectedServices,
        DetectionSource source,
        @PlausibleTime Instant occurredAt) {
}
