package io.incidentledger.incidents;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.ComponentStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What customers suffer: since when, what share of users, which components in which status. */
record ImpactRequest(
        @NotBlank @CodePoints(max = Limits.TEXT) String description,
        @PlausibleTime Instant impactStartedAt,
        @DecimalMin("0") @DecimalMax("100") Double affectedUsersPercent,
        @Size(max = Limits.LIST) List<@NotNull @Valid Component> components,
        @PlausibleTime Instant occurredAt) {

    /** A customer-visible component and its status. */
    record Component(
            @NotBlank @CodePoints(max = Limits.NAME) String name,
            @NotNull ComponentStatus status) {
    }
}
