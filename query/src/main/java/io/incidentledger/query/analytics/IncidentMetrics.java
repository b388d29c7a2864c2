package io.incidentledger.query.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.ResponseTimes;
import io.incidentledger.query.ResponseTimes.Milestone;

/**
 * What the analytics projection remembers of one incident: the response's milestones with their
 * sequence numbers (so a corrected time lands on the right one) and the few facts rows are
 * grouped by. Everything else of {@link IncidentMetricsView} is derived.
 *
 * @param version         the last applied sequence number; -1 before the first event
 * @param services        sorted, so the state reads back from its tables exactly as it was folded
 * @param impactStartedAt the latest known customer impact start
 * @param milestones      in sequence order
 */
record IncidentMetrics(
        String incidentId,
        long version,
        Severity severity,
        List<String> services,
        DetectionSource source,
        Instant impactStartedAt,
        List<Milestone> milestones) {

    IncidentMetrics {
        services = List.copyOf(services);
        milestones = List.copyOf(milestones);
    }

    static IncidentMetrics empty(String incidentId) {
        return new IncidentMetrics(incidentId, -1, null, List.of(), null, null, List.of());
    }

    IncidentMetrics at(long newVersion) {
        return new IncidentMetrics(incidentId, newVersion, severity, services, source, impactStartedAt, milestones);
    }

    IncidentMetrics detected(Severity newSeverity, List<String> newServices, DetectionSource newSource) {
        return new IncidentMetrics(incidentId, version, newSeverity, newServices, newSource, impactStartedAt,
                milestones);
    }

    IncidentMetrics severity(Severity newSeverity) {
        return new IncidentMetrics(incidentId, version, newSeverity, services, source, impactStartedAt, milestones);
    }

    IncidentMetrics impactStartedAt(Instant newImpactStartedAt) {
        return new IncidentMetrics(incidentId, version, severity, services, source, newImpactStartedAt, milestones);
    }

    IncidentMetrics milestones(List<Milestone> newMilestones) {
        return new IncidentMetrics(incidentId, version, severity, services, source, impactStartedAt, newMilestones);
    }

    IncidentMetricsView view() {
        var times = ResponseTimes.of(impactStartedAt, milestones);
        var detectedAt = times.detectedAt();
        return new IncidentMetricsView(incidentId, version, severity, services, source, detectedAt,
                detectedAt == null ? null : IncidentMetricsView.MONTH.format(detectedAt.atZone(ZoneOffset.UTC)),
                impactStartedAt, times.acknowledgedAt(), times.containedAt(), times.fixedAt(), times.learnedAt(),
                times.firstPublicUpdateAt(), times.timeToDetectSeconds(), times.timeToAcknowledgeSeconds(),
                times.timeToContainSeconds(), times.timeToFixSeconds(), times.timeToLearnSeconds(),
                times.impactDurationSeconds(), times.timeToFirstPublicUpdateSeconds(), times.reopenCount());
    }
}
