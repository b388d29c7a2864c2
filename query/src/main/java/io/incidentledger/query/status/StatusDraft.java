package io.incidentledger.query.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.status.IncidentStatusView.PhaseChange;
import io.incidentledger.query.status.IncidentStatusView.Responder;

/**
 * A mutable copy of a view, alive only inside one call of the fold: an event changes a few of
 * twenty fields, and a draft says that more plainly than a record copy per field.
 */
final class StatusDraft {

    final String incidentId;
    String title;
    String summary;
    Severity severity;
    String commander;
    final Map<String, ResponderRole> responders = new TreeMap<>();
    final List<String> affectedServices;
    final List<PhaseChange> phaseHistory;
    PublicStatus publicStatus;
    Instant nextUpdateDue;

    StatusDraft(String incidentId, String title, String summary, Severity severity, List<String> affectedServices) {
        this.incidentId = incidentId;
        this.title = title;
        this.summary = summary;
        this.severity = severity;
        this.affectedServices = List.copyOf(affectedServices);
        this.phaseHistory = new ArrayList<>();
    }

    StatusDraft(IncidentStatusView view) {
        this.incidentId = view.incidentId();
        this.title = view.title();
        this.summary = view.summary();
        this.severity = view.severity();
        this.commander = view.commander();
        view.responders().forEach(r -> responders.put(r.name(), r.role()));
        this.affectedServices = view.affectedServices();
        this.phaseHistory = new ArrayList<>(view.phaseHistory());
        this.publicStatus = view.publicStatus();
        this.nextUpdateDue = view.nextUpdateDue();
    }

    void enterPhase(long sequenceNumber, Phase phase, boolean reopening, Instant at) {
        phaseHistory.add(new PhaseChange(sequenceNumber, phase, reopening, at));
    }

    /** Applies a corrected time to the phase change at {@code sequenceNumber}, if there is one. */
    void correctPhaseTime(long sequenceNumber, Instant at) {
        phaseHistory.replaceAll(change -> change.sequenceNumber() == sequenceNumber
                ? new PhaseChange(sequenceNumber, change.phase(), change.reopening(), at)
                : change);
    }

    boolean isDetection(long sequenceNumber) {
        return !phaseHistory.isEmpty() && phaseHistory.get(0).sequenceNumber() == sequenceNumber;
    }

    /** Derives every phase field from the history, so corrections and reopenings need no special cases. */
    IncidentStatusView toView(long version, Instant lastUpdateAt) {
        Instant detectedAt = null;
        Instant acknowledgedAt = null;
        Instant containedAt = null;
        Instant fixedAt = null;
        Instant learnedAt = null;
        Instant reopenedAt = null;
        int reopenCount = 0;
        for (var change : phaseHistory) {
            switch (change.phase()) {
                case DETECTED -> detectedAt = change.at();
                case ACKNOWLEDGED -> {
                    if (change.reopening()) {
                        reopenedAt = change.at();
                        reopenCount++;
                        containedAt = null;
                        fixedAt = null;
                    } else {
                        acknowledgedAt = change.at();
                    }
                }
                case CONTAINED -> containedAt = change.at();
                case FIXED -> fixedAt = change.at();
                case LEARNED -> learnedAt = change.at();
            }
        }
        var phase = phaseHistory.get(phaseHistory.size() - 1).phase();
        var responderList = responders.entrySet().stream().map(e -> new Responder(e.getKey(), e.getValue())).toList();
        return new IncidentStatusView(incidentId, title, summary, phase, severity, commander, responderList,
                affectedServices, detectedAt, acknowledgedAt, containedAt, fixedAt, learnedAt, reopenedAt, reopenCount,
                phaseHistory, lastUpdateAt, publicStatus, nextUpdateDue, IncidentStatusFold.lags(phase, publicStatus),
                false, version);
    }
}
