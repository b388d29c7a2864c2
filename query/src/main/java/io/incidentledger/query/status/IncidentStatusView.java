package io.incidentledger.query.status;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;

/**
 * One incident on the live status board.
 *
 * @param title             the detection's title, or the first line of a correction's replacement text
 * @param summary           the detection's summary, or the rest of a correction's replacement text; may be null
 * @param commander         null while nobody owns the incident
 * @param responders        everyone currently in the response, sorted by name; one role each
 * @param detectedAt        phase times, corrections applied. After a reopening, {@code containedAt} and
 *                          {@code fixedAt} describe the current round only (null until it is contained or
 *                          fixed again); the earlier rounds stay in {@code phaseHistory}
 * @param reopenedAt        the latest reopening; null if never reopened
 * @param phaseHistory      every phase change in stream order, reopenings included, corrections applied
 * @param lastUpdateAt      when the latest entry of any kind was recorded
 * @param publicStatus      what the latest public update told customers; null before the first one
 * @param nextUpdateDue     when the latest public update promised the next one; null if it promised none
 * @param publicStatusLags  the status page is behind reality; see {@link IncidentStatusFold#lags}
 * @param updateOverdue     computed when the view is read or pushed, never stored: see {@link #asSeenAt}
 * @param version           the sequence number of the latest event applied
 */
public record IncidentStatusView(
        String incidentId,
        String title,
        String summary,
        Phase phase,
        Severity severity,
        String commander,
        List<Responder> responders,
        List<String> affectedServices,
        Instant detectedAt,
        Instant acknowledgedAt,
        Instant containedAt,
        Instant fixedAt,
        Instant learnedAt,
        Instant reopenedAt,
        int reopenCount,
        List<PhaseChange> phaseHistory,
        Instant lastUpdateAt,
        PublicStatus publicStatus,
        Instant nextUpdateDue,
        boolean publicStatusLags,
        boolean updateOverdue,
        long version) {

    public record Responder(String name, ResponderRole role) {
    }

    /** A phase change at sequence number {@code sequenceNumber}; {@code reopening} marks a return to ACKNOWLEDGED. */
    public record PhaseChange(long sequenceNumber, Phase phase, boolean reopening, Instant at) {
    }

    public IncidentStatusView {
        responders = List.copyOf(responders);
        affectedServices = List.copyOf(affectedServices);
        phaseHistory = List.copyOf(phaseHistory);
    }

    /**
     * This view with {@code updateOverdue} set as of {@code now}: a public update was promised
     * and its time has passed, while customers still await news (not resolved, not closed).
     */
    public IncidentStatusView asSeenAt(Instant now) {
        boolean overdue = nextUpdateDue != null && now.isAfter(nextUpdateDue)
                && publicStatus != PublicStatus.RESOLVED && phase != Phase.LEARNED;
        return overdue == updateOverdue ? this : new IncidentStatusView(incidentId, title, summary, phase, severity,
                commander, responders, affectedServices, detectedAt, acknowledgedAt, containedAt, fixedAt, learnedAt,
                reopenedAt, reopenCount, phaseHistory, lastUpdateAt, publicStatus, nextUpdateDue, publicStatusLags,
                overdue, version);
    }
}
