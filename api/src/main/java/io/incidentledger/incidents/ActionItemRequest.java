package io.incidentledger.incidents;

import java.time.Instant;
import java.time.LocalDate;

import io.incidentledger.incident.ActionItemKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A follow-up; its id, chosen by the client, addresses it for completion. */
record ActionItemRequest(
        @NotBlank @CodePoints(max = Limits.NAME) String actionItemId,
        @NotBlank @CodePoints(max = Limits.TEXT) String description,
        @NotNull ActionItemKind kind,
        @NotBlank @CodePoints(max = Limits.NAME) String ownerTeam,
        @PlausibleTime LocalDate dueDate,
        @PlausibleTime Instant occurredAt) {
}
