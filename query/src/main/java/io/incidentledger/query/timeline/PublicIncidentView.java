package io.incidentledger.query.timeline;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.PublicStatus;

/**
 * One incident as customers see it, built only from public updates, the component names and
 * statuses of impact assessments, and the fact of a fix. No internal text, no severity, no name.
 *
 * @param title         the first line of the first public update (at most 120 characters)
 * @param status        what the latest posted update says
 * @param startedAt     the time of the earliest public update
 * @param resolvedAt    the time of the latest posted update when it says RESOLVED, else null
 * @param nextUpdateDue what the latest posted update promised; may be null
 * @param components    every component the incident named, by name, with its status from this
 *                      incident's latest assessment (OPERATIONAL once fixed or no longer named)
 * @param updates       every public update, oldest first (by occurredAt, then posting order)
 */
public record PublicIncidentView(
        String incidentId,
        String title,
        PublicStatus status,
        Instant startedAt,
        Instant resolvedAt,
        Instant nextUpdateDue,
        List<ComponentStatusView> components,
        List<PublicUpdateView> updates) {

    public PublicIncidentView {
        components = List.copyOf(components);
        updates = List.copyOf(updates);
    }
}
