package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.ResponderRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Pulls a person into the response in a role; the role COMMANDER hands command over. */
record AssignRequest(
        @NotBlank @CodePoints(max = Limits.NAME) String responder,
        @NotNull ResponderRole role,
        @PlausibleTime Instant occurredAt) {
}
