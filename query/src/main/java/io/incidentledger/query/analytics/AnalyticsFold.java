package io.incidentledger.query.analytics;

import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.ResponseTimes.Milestone;
import io.incidentledger.query.ResponseTimes.MilestoneKind;

/**
 * The analytics state change as a plain function of (state, event): no I/O, no clock. An event at
 * or below the state's version was applied already and changes nothing.
 */
final class AnalyticsFold {

    private AnalyticsFold() {
    }

    static IncidentMetrics apply(IncidentMetrics state, RecordedEvent recorded) {
        var current = state != null ? state : IncidentMetrics.empty(recorded.incidentId());
        var seq = recorded.sequenceNumber();
        if (seq <= current.version()) {
            return current;
        }
        var next = current.at(seq);
        var event = recorded.event();
        var kind = milestoneKind(event);
        if (kind != null) {
            var milestones = new ArrayList<>(next.milestones());
            milestones.add(new Milestone(seq, kind, event.occurredAt()));
            next = next.milestones(milestones);
        }
        if (event instanceof IncidentDetected e) {
            next = next.detected(e.severity(), e.affectedServices() == null ? List.of()
                    : e.affectedServices().stream().distinct().sorted().toList(), e.source());
        } else if (event instanceof SeverityChanged e) {
            next = next.severity(e.to());
        } else if (event instanceof ImpactAssessed e && e.impactStartedAt() != null) {
            next = next.impactStartedAt(e.impactStartedAt());
        } else if (event instanceof EntryCorrected e && e.correctedOccurredAt() != null) {
            next = next.milestones(next.milestones().stream().map(m -> m.sequenceNumber() == e.correctedSequenceNumber()
                    ? new Milestone(m.sequenceNumber(), m.kind(), e.correctedOccurredAt()) : m).toList());
        }
        return next;
    }

    private static MilestoneKind milestoneKind(IncidentEvent event) {
        if (event instanceof IncidentDetected) {
            return MilestoneKind.DETECTED;
        } else if (event instanceof IncidentAcknowledged) {
            return MilestoneKind.ACKNOWLEDGED;
        } else if (event instanceof IncidentContained) {
            return MilestoneKind.CONTAINED;
        } else if (event instanceof IncidentFixed) {
            return MilestoneKind.FIXED;
        } else if (event instanceof IncidentReopened) {
            return MilestoneKind.REOPENED;
        } else if (event instanceof IncidentLearned) {
            return MilestoneKind.LEARNED;
        } else if (event instanceof PublicUpdatePosted) {
            return MilestoneKind.PUBLIC_UPDATE;
        }
        return null;
    }
}
