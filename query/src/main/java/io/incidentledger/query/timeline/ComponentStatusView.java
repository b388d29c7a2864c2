package io.incidentledger.query.timeline;

import io.incidentledger.incident.ComponentStatus;

/** A customer-visible component and its status. */
public record ComponentStatusView(String name, ComponentStatus status) {
}
