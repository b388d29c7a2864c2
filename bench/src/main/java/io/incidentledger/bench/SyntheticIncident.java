package io.incidentledger.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemCompleted;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;

/**
 * One synthetic incident's history, in the order the lifecycle allows: detection, acknowledgement,
 * responders, impact, public updates and internal notes, containment, fix, root cause, lessons,
 * action items, learning. A closed incident (about 23 events) runs to IncidentLearned; an open one
 * stops after a few steps; a long one is acknowledged and then gets only internal notes.
 * Each event is produced when asked, at the time it is recorded, so interleaved incidents share
 * one clock the way they would in a real event store.
 */
final class SyntheticIncident {

    private static final String[] SERVICES = {"checkout", "payments", "search", "catalog", "identity", "orders",
            "shipping", "inventory", "pricing", "notifications", "reviews", "recommendations", "cart", "gateway",
            "billing", "reporting", "media", "accounts", "loyalty", "returns"};
    private static final String[] COMPONENTS = {"Website", "Mobile app", "Public API", "Checkout", "Payments",
            "Search", "Login", "Order tracking"};
    private static final String[] SYMPTOMS = {"elevated error rate", "latency above the SLO", "timeouts",
            "stale results", "failed logins", "dropped messages", "partial outage", "degraded throughput"};

    private final IncidentId id;
    private final Random random;
    private final List<Function<Instant, IncidentEvent>> steps = new ArrayList<>();
    private final boolean closes;
    private Severity severity = Severity.SEV3;
    private int next;

    private SyntheticIncident(String id, Random random, boolean closes) {
        this.id = new IncidentId(id);
        this.random = random;
        this.closes = closes;
    }

    /** A whole lifecycle, from detection to IncidentLearned, with {@code notes} internal notes in the middle. */
    static SyntheticIncident closed(String id, Random random, int notes) {
        var incident = new SyntheticIncident(id, random, true);
        incident.opening();
        incident.notes(notes);
        incident.closing();
        return incident;
    }

    /** Detected and worked on, not yet learned from: the first {@code length} steps of a lifecycle (at least 2). */
    static SyntheticIncident open(String id, Random random, int length) {
        var incident = new SyntheticIncident(id, random, false);
        incident.opening();
        incident.notes(4);
        incident.closing();
        incident.steps.subList(Math.max(2, Math.min(length, incident.steps.size() - 1)), incident.steps.size()).clear();
        return incident;
    }

    /** Detected, acknowledged, then internal notes up to {@code events} events in all: an incident that ran long. */
    static SyntheticIncident longRunning(String id, Random random, int events) {
        var incident = new SyntheticIncident(id, random, false);
        incident.steps.add(incident::detected);
        incident.steps.add(at -> new IncidentAcknowledged(incident.id, "responder-" + random.nextInt(200), at));
        incident.notes(events - 2);
        return incident;
    }

    String id() {
        return id.value();
    }

    boolean closes() {
        return closes;
    }

    int size() {
        return steps.size();
    }

    int remaining() {
        return steps.size() - next;
    }

    /** The sequence number the next event gets. */
    int sequence() {
        return next;
    }

    IncidentEvent next(Instant at) {
        return steps.get(next++).apply(at);
    }

    private void opening() {
        steps.add(this::detected);
        steps.add(at -> new IncidentAcknowledged(id, responder(), at));
        steps.add(at -> new ResponderAssigned(id, responder() + "-ops", ResponderRole.OPERATIONS, at));
        steps.add(at -> new ResponderAssigned(id, responder() + "-comms", ResponderRole.COMMUNICATIONS, at));
        steps.add(at -> new ImpactAssessed(id, "Customers see " + pick(SYMPTOMS) + " on " + pick(COMPONENTS) + ".",
                at.minus(Duration.ofMinutes(5 + random.nextInt(30))), 0.5 + random.nextInt(40),
                List.of(new AffectedComponent(pick(COMPONENTS), random.nextBoolean()
                        ? ComponentStatus.DEGRADED_PERFORMANCE : ComponentStatus.PARTIAL_OUTAGE)), at));
        steps.add(at -> update(at, PublicStatus.INVESTIGATING,
                "We are investigating reports of " + pick(SYMPTOMS) + ". Next update within 30 minutes."));
    }

    private void notes(int count) {
        for (int i = 0; i < count; i++) {
            steps.add(at -> new InternalNoteAdded(id, "Checked " + pick(SERVICES) + ": " + pick(SYMPTOMS)
                    + " correlates with the last deploy; dashboards attached, trying a targeted rollback next.", at));
        }
    }

    private void closing() {
        if (random.nextInt(4) == 0) {
            steps.add(at -> new SeverityChanged(id, severity, severity == Severity.SEV1 ? Severity.SEV2 : Severity.SEV1,
                    "Impact wider than first assessed", at));
        }
        steps.add(at -> update(at, PublicStatus.IDENTIFIED, "We identified the cause and are rolling back a change."));
        steps.add(at -> new IncidentContained(id, Mitigation.ROLLBACK, "Rolled back the last release.", at));
        steps.add(at -> update(at, PublicStatus.MONITORING, "A fix is in place; we are monitoring the results."));
        steps.add(at -> new IncidentFixed(id, "Reverted the faulty configuration and redeployed.",
                "PR-" + random.nextInt(100_000), at));
        steps.add(at -> new PublicUpdatePosted(id, "This incident has been resolved.", PublicStatus.RESOLVED, null, at));
        steps.add(at -> new RootCauseIdentified(id, List.of("Requests failed", "A pool was exhausted",
                "The pool size was lowered", "The change skipped load testing"), "A lowered connection pool size",
                "A configuration deploy", "Load tests do not cover configuration changes", at));
        steps.add(at -> new LessonRecorded(id, LessonCategory.WENT_WELL, "Alerting fired within two minutes.", at));
        steps.add(at -> new LessonRecorded(id, LessonCategory.WENT_WRONG, "The rollback runbook was out of date.", at));
        steps.add(at -> new ActionItemAdded(id, "AI-1", "Load test configuration changes", ActionItemKind.PREVENT,
                "platform", LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30), at));
        steps.add(at -> new ActionItemAdded(id, "AI-2", "Alert on pool saturation", ActionItemKind.DETECT,
                "observability", LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(14), at));
        steps.add(at -> new ActionItemCompleted(id, "AI-2", at));
        steps.add(at -> new IncidentLearned(id, "A configuration change lowered a pool size; load tests now cover it.",
                at));
    }

    private IncidentDetected detected(Instant at) {
        var services = new ArrayList<String>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            var service = pick(SERVICES);
            if (!services.contains(service)) {
                services.add(service);
            }
        }
        severity = Severity.values()[random.nextInt(4)];
        return new IncidentDetected(id, services.get(0) + ": " + pick(SYMPTOMS), severity,
                "Alert fired for " + pick(SYMPTOMS) + " on " + services.get(0) + ".", services,
                DetectionSource.values()[random.nextInt(DetectionSource.values().length)], at);
    }

    private PublicUpdatePosted update(Instant at, PublicStatus status, String message) {
        return new PublicUpdatePosted(id, message, status, at.plus(Duration.ofMinutes(30)), at);
    }

    private String responder() {
        return "responder-" + random.nextInt(200);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
