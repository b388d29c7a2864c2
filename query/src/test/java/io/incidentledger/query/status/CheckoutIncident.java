package io.incidentledger.query.status;

import static io.incidentledger.incident.PublicStatus.IDENTIFIED;
import static io.incidentledger.incident.PublicStatus.INVESTIGATING;
import static io.incidentledger.incident.PublicStatus.RESOLVED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
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
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.IncidentStream;

/**
 * A full lifecycle as the aggregate would record it: detected, acknowledged, responders pulled
 * in, severity raised, contained, command handed over, fixed, resolved publicly, reopened, fixed
 * again, three corrections (acknowledgement time, title and summary, first fix time), learned.
 */
final class CheckoutIncident {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant RECORDED_FROM = Instant.parse("2025-03-01T09:00:00.500Z");

    /** Events 0..12 end the first round (fixed, resolved); 13..15 reopen it; 16..21 finish it. */
    static IncidentStream stream(String incidentId) {
        var s = new IncidentStream(incidentId, RECORDED_FROM);
        var id = s.id();
        s.record(new IncidentDetected(id, "Checkout errors", Severity.SEV2, "5xx on /pay",
                List.of("checkout", "payments"), DetectionSource.MONITORING, T0), "alarm-bot");
        s.record(new IncidentAcknowledged(id, "maria", at(2)), "maria");
        s.record(new ResponderAssigned(id, "li", ResponderRole.OPERATIONS, at(3)), "maria");
        s.record(new ResponderAssigned(id, "sam", ResponderRole.COMMUNICATIONS, at(3)), "maria");
        s.record(new SeverityChanged(id, Severity.SEV2, Severity.SEV1, "all regions affected", at(4)), "maria");
        s.record(new PublicUpdatePosted(id, "We are investigating failed payments.", INVESTIGATING, at(35), at(5)), "sam");
        s.record(new InternalNoteAdded(id, "li starts the rollback", at(6)), "li");
        s.record(new IncidentContained(id, Mitigation.ROLLBACK, "rolled back release 412", at(10)), "li");
        s.record(new PublicUpdatePosted(id, "We found the cause and are fixing it.", IDENTIFIED, at(40), at(12)), "sam");
        s.record(new ResponderReleased(id, "maria", ResponderRole.COMMANDER, at(15)), "maria");
        s.record(new ResponderAssigned(id, "li", ResponderRole.COMMANDER, at(15)), "maria");
        s.record(new IncidentFixed(id, "config reverted", "PR-42", at(20)), "li");
        s.record(new PublicUpdatePosted(id, "Payments work again.", RESOLVED, null, at(25)), "sam");
        s.record(new IncidentReopened(id, "errors are back", at(60)), "li");
        s.record(new ResponderReleased(id, "sam", ResponderRole.COMMUNICATIONS, at(61)), "li");
        s.record(new PublicUpdatePosted(id, "Payments fail again; we are investigating.", INVESTIGATING, at(90), at(62)),
                "li");
        s.record(new IncidentFixed(id, "cache flushed", null, at(80)), "li");
        s.record(new EntryCorrected(id, 1, "acknowledged earlier", null, at(1), at(81)), "li");
        s.record(new EntryCorrected(id, 0, "summary was vague", "Card payments failed in all regions.",
                null, at(82)), "li");
        s.record(new EntryCorrected(id, 11, "first fix was earlier", null, at(19), at(83)), "li");
        s.record(new PublicUpdatePosted(id, "Payments work again.", RESOLVED, null, at(85)), "li");
        s.record(new IncidentLearned(id, "a stale cache outlived the rollback", T0.plus(Duration.ofDays(3))), "li");
        return s;
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Instant recorded(int sequenceNumber) {
        return RECORDED_FROM.plusSeconds(sequenceNumber);
    }

    private CheckoutIncident() {
    }
}
