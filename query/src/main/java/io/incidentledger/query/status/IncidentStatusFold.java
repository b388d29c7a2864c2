package io.incidentledger.query.status;

import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.Phase;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.RecordedEvent;

/**
 * The live status of an incident as a pure function of (view, event). Idempotent: an event at or
 * below the view's version is ignored. Events before the detection (none in a valid stream) leave
 * the view absent.
 */
public final class IncidentStatusFold {

    private IncidentStatusFold() {
    }

    public static IncidentStatusView apply(IncidentStatusView view, RecordedEvent recorded) {
        var event = recorded.event();
        long sequenceNumber = recorded.sequenceNumber();
        if (view == null) {
            return event instanceof IncidentDetected detected ? detect(detected, recorded) : null;
        }
        if (sequenceNumber <= view.version()) {
            return view;
        }
        var draft = new StatusDraft(view);
        if (event instanceof IncidentAcknowledged e) {
            draft.commander = e.commander();
            draft.responders.put(e.commander(), ResponderRole.COMMANDER);
            draft.enterPhase(sequenceNumber, Phase.ACKNOWLEDGED, false, e.occurredAt());
        } else if (event instanceof ResponderAssigned e) {
            if (e.role() == ResponderRole.COMMANDER) {
                draft.commander = e.responder();
            }
            draft.responders.put(e.responder(), e.role());
        } else if (event instanceof ResponderReleased e) {
            draft.responders.remove(e.responder());
            if (e.responder().equals(draft.commander)) {
                draft.commander = null;
            }
        } else if (event instanceof SeverityChanged e) {
            draft.severity = e.to();
        } else if (event instanceof PublicUpdatePosted e) {
            draft.publicStatus = e.status();
            draft.nextUpdateDue = e.nextUpdateDue();
        } else if (event instanceof IncidentContained e) {
            draft.enterPhase(sequenceNumber, Phase.CONTAINED, false, e.occurredAt());
        } else if (event instanceof IncidentFixed e) {
            draft.enterPhase(sequenceNumber, Phase.FIXED, false, e.occurredAt());
        } else if (event instanceof IncidentReopened e) {
            draft.enterPhase(sequenceNumber, Phase.ACKNOWLEDGED, true, e.occurredAt());
        } else if (event instanceof IncidentLearned e) {
            draft.enterPhase(sequenceNumber, Phase.LEARNED, false, e.occurredAt());
        } else if (event instanceof EntryCorrected e) {
            correct(draft, e);
        }
        // Every other entry (notes, impact, root cause, lessons, action items) only counts as activity.
        return draft.toView(sequenceNumber, recorded.recordedAt());
    }

    private static IncidentStatusView detect(IncidentDetected e, RecordedEvent recorded) {
        var draft = new StatusDraft(e.incidentId().value(), e.title(), e.summary(), e.severity(), e.affectedServices());
        draft.enterPhase(recorded.sequenceNumber(), Phase.DETECTED, false, e.occurredAt());
        return draft.toView(recorded.sequenceNumber(), recorded.recordedAt());
    }

    /**
     * A corrected time moves the phase change it targets. A replacement text of the detection
     * replaces its summary (see {@link io.incidentledger.incident.CorrectEntry} for which field a
     * correction replaces in each kind of entry). Corrections of other entries change nothing
     * shown on the board.
     */
    private static void correct(StatusDraft draft, EntryCorrected e) {
        if (e.correctedOccurredAt() != null) {
            draft.correctPhaseTime(e.correctedSequenceNumber(), e.correctedOccurredAt());
        }
        if (e.replacementText() != null && draft.isDetection(e.correctedSequenceNumber())) {
            draft.summary = e.replacementText();
        }
    }

    /**
     * Whether the status page is behind reality. Each phase has a least public status it calls
     * for: none while DETECTED or ACKNOWLEDGED (saying nothing yet is a choice, not a lag),
     * IDENTIFIED once CONTAINED (the bleeding stopped, so the cause is known), RESOLVED once FIXED
     * or LEARNED. The page lags when it says less than that (no update at all counts as less than
     * anything), or when it says RESOLVED while the incident is open again (a reopening).
     */
    static boolean lags(Phase phase, PublicStatus publicStatus) {
        var least = switch (phase) {
            case DETECTED, ACKNOWLEDGED -> null;
            case CONTAINED -> PublicStatus.IDENTIFIED;
            case FIXED, LEARNED -> PublicStatus.RESOLVED;
        };
        if (least != null && (publicStatus == null || publicStatus.compareTo(least) < 0)) {
            return true;
        }
        return phase.isBeforeFix() && publicStatus == PublicStatus.RESOLVED;
    }
}
