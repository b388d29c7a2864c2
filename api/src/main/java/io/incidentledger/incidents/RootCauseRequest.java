package io.incidentledger.incidents;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The 5 whys: the chain, the root cause, the trigger, and why it was not caught before production. */
record RootCauseRequest(
        @Size(max = Limits.LIST) List<@NotBlank @CodePoints(max = Limits.TEXT) String> whys,
        @NotBlank @CodePoints(max = Limits.TEXT) String rootCause,
        @CodePoints(max = Limits.TEXT) String trigger,
        @CodePoints(max = Limits.TEXT) String whyNotCaught,
        @PlausibleTime Instant occurredAt) {
}
