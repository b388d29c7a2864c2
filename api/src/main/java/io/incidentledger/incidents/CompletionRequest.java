package io.incidentledger.incidents;

import java.time.Instant;

/** Completes an action item; the body is optional. */
record CompletionRequest(@PlausibleTime Instant occurredAt) {
}
