package io.incidentledger.query.analytics;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Severity;

/**
 * One incident's response times: a row of table {@code analytics_incident} (plus its services
 * from {@code analytics_incident_service}) and of the incidents CSV. Times are business times
 * (corrected ones where corrected), UTC. Durations are whole seconds, null when an end is unknown,
 * never negative, by the rules of {@link io.incidentledger.query.ResponseTimes}: acknowledgement
 * and containment are the first ones; the fix is the final fix (null while reopened).
 *
 * @param version                        the incident's last sequence number folded in
 * @param severity                       the current severity
 * @param services                       the affected services at detection, sorted
 * @param month                          {@code YYYY-MM} of detection, UTC
 * @param timeToDetectSeconds            impact start to detection
 * @param timeToAcknowledgeSeconds       detection to acknowledgement
 * @param timeToContainSeconds           detection to first containment
 * @param timeToFixSeconds               detection to final fix
 * @param timeToLearnSeconds             final fix to learned
 * @param impactDurationSeconds          impact start to final fix
 * @param timeToFirstPublicUpdateSeconds detection to the first public update: how long customers waited
 */
public record IncidentMetricsView(
        String incidentId,
        long version,
        Severity severity,
        List<String> services,
        DetectionSource detectionSource,
        Instant detectedAt,
        String month,
        Instant impactStartedAt,
        Instant acknowledgedAt,
        Instant containedAt,
        Instant fixedAt,
        Instant learnedAt,
        Instant firstPublicUpdateAt,
        Long timeToDetectSeconds,
        Long timeToAcknowledgeSeconds,
        Long timeToContainSeconds,
        Long timeToFixSeconds,
        Long timeToLearnSeconds,
        Long impactDurationSeconds,
        Long timeToFirstPublicUpdateSeconds,
        int reopenCount) {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    public IncidentMetricsView {
        services = List.copyOf(services);
    }
}
