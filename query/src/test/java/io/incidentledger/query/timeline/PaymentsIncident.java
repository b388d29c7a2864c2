package io.incidentledger.query.timeline;

import static io.incidentledger.incident.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.incidentledger.incident.ComponentStatus.MAJOR_OUTAGE;
import static io.incidentledger.incident.ComponentStatus.PARTIAL_OUTAGE;
import static io.incidentledger.incident.PublicStatus.IDENTIFIED;
import static io.incidentledger.incident.PublicStatus.INVESTIGATING;
import static io.incidentledger.incident.PublicStatus.RESOLVED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;

/**
 * A full lifecycle as customers should see it: impact on two components, updates naming
 * responders, a fix and "resolved", a reopening with a new assessment, a correction of a public
 * update and one of an internal note, a second fix and "resolved", root cause and learning.
 * Every internal text holds the word SECRET, which must never reach the timeline.
 */
final class PaymentsIncident {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    static IncidentStream stream(String incidentId) {
        var s = new IncidentStream(incidentId, T0.plusSeconds(30));
        var id = s.id();
        s.record(new IncidentDetected(id, "DB failover SECRET", Severity.SEV1, "SECRET summary", List.of("payments"),
                DetectionSource.MONITORING, T0), "alarm-bot");
        s.record(new IncidentAcknowledged(id, "Maria Lopez", at(1)), "maria.lopez");
        s.record(new ImpactAssessed(id, "SECRET impact", at(-5), 40.0, List.of(
                new AffectedComponent("Checkout", MAJOR_OUTAGE), new AffectedComponent("API", DEGRADED_PERFORMANCE)),
                at(2)), "maria.lopez");
        s.record(new InternalNoteAdded(id, "SECRET note by maria.lopez", at(3)), "maria.lopez");
        s.record(new PublicUpdatePosted(id, "Checkout is failing for many customers.\nWe are investigating.",
                INVESTIGATING, at(30), at(5)), "sam");
        s.record(new ResponderAssigned(id, "Sam Park", ResponderRole.COMMUNICATIONS, at(6)), "maria.lopez");
        s.record(new PublicUpdatePosted(id, "Maria Lopez and our engineers identified a database failover.",
                IDENTIFIED, at(45), at(15)), "sam");
        s.record(new IncidentContained(id, Mitigation.FAILOVER, "SECRET failover", at(20)), "maria.lopez");
        s.record(new ImpactAssessed(id, "SECRET smaller", null, 5.0, List.of(
                new AffectedComponent("Checkout", PARTIAL_OUTAGE)), at(21)), "maria.lopez");
        s.record(new IncidentFixed(id, "SECRET resolution", "SECRET-PR", at(35)), "maria.lopez");
        s.record(new PublicUpdatePosted(id, "Checkout works again.", RESOLVED, null, at(40)), "sam");
        s.record(new IncidentReopened(id, "SECRET regression", at(60)), "maria.lopez");
        s.record(new ImpactAssessed(id, "SECRET again", null, 10.0, List.of(
                new AffectedComponent("Checkout", DEGRADED_PERFORMANCE), new AffectedComponent("Search", PARTIAL_OUTAGE)),
                at(62)), "maria.lopez");
        s.record(new PublicUpdatePosted(id, "Checkout is slow again; sam park is on it.", INVESTIGATING, at(90), at(65)),
                "sam");
        s.record(new EntryCorrected(id, 4, "SECRET reason", "Checkout is failing for some customers.\n"
                + "We are investigating.", at(4), at(70)), "sam");
        s.record(new EntryCorrected(id, 3, "SECRET reason", "SECRET replacement note", null, at(71)), "maria.lopez");
        s.record(new IncidentFixed(id, "SECRET second fix", null, at(80)), "maria.lopez");
        s.record(new PublicUpdatePosted(id, "All systems work normally.", RESOLVED, null, at(85)), "sam");
        s.record(new RootCauseIdentified(id, List.of("SECRET why"), "SECRET cause", "SECRET trigger", null, at(90)),
                "maria.lopez");
        s.record(new IncidentLearned(id, "SECRET summary", T0.plus(Duration.ofDays(2))), "maria.lopez");
        return s;
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private PaymentsIncident() {
    }
}
