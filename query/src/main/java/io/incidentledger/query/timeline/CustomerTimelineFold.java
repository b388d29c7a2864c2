package io.incidentledger.query.timeline;

import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.query.RecordedEvent;

/**
 * The customer timeline of an incident as a pure function of (state, event), built from an
 * allowlist. What reaches the public view:
 * <ul>
 *   <li>PublicUpdatePosted: message, status, time, next update due (an incident becomes public
 *       with its first one);</li>
 *   <li>ImpactAssessed: component names and statuses only;</li>
 *   <li>IncidentFixed: only that it happened (components return to operational);</li>
 *   <li>EntryCorrected: only when it corrects a public update (replacement text, corrected time,
 *       correction time; never the reason).</li>
 * </ul>
 * Names are read for one purpose: the commander (IncidentAcknowledged), every assigned responder
 * (ResponderAssigned) and the actor of every event above are hashed and taken out of public text.
 * Every other event, and every other field, is ignored. Idempotent: an event at or below the
 * state's version is ignored; an event that changes nothing returns the state it was given.
 */
public final class CustomerTimelineFold {

    private CustomerTimelineFold() {
    }

    public static TimelineState apply(TimelineState state, RecordedEvent recorded) {
        var event = recorded.event();
        if (!isHandled(event) || state != null && recorded.sequenceNumber() <= state.version()) {
            return state;
        }
        var draft = state == null ? new TimelineDraft(recorded.incidentId()) : new TimelineDraft(state);
        boolean changed = draft.learnName(recorded.actor());
        if (event instanceof PublicUpdatePosted e) {
            draft.post(recorded.sequenceNumber(), e.occurredAt(), e.status(), e.message(), e.nextUpdateDue());
            changed = true;
        } else if (event instanceof ImpactAssessed e) {
            draft.assess(e.components());
            changed = true;
        } else if (event instanceof IncidentFixed) {
            draft.fix();
            changed = true;
        } else if (event instanceof EntryCorrected e) {
            changed |= draft.correct(e.correctedSequenceNumber(), e.replacementText(), e.correctedOccurredAt(),
                    e.occurredAt());
        } else if (event instanceof IncidentAcknowledged e) {
            changed |= draft.learnName(e.commander());
        } else if (event instanceof ResponderAssigned e) {
            changed |= draft.learnName(e.responder());
        }
        return changed ? draft.toState(recorded.sequenceNumber()) : state;
    }

    /**
     * The allowlist. The projection subscribes to exactly these types, and the fold ignores the
     * rest, so a live view and one reconstructed from the whole stream agree.
     */
    public static boolean isHandled(IncidentEvent event) {
        return event instanceof PublicUpdatePosted || event instanceof ImpactAssessed || event instanceof IncidentFixed
                || event instanceof EntryCorrected || event instanceof IncidentAcknowledged
                || event instanceof ResponderAssigned;
    }
}
