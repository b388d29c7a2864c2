package io.incidentledger.statuspage;

import java.util.Comparator;
import java.util.List;

import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.query.timeline.ComponentStatusView;

/** The one-line headline of the status page: the worst status among all components. */
record Overall(ComponentStatus status, String headline) {

    static Overall of(List<ComponentStatusView> components) {
        var worst = components.stream().map(ComponentStatusView::status)
                .max(Comparator.naturalOrder()).orElse(ComponentStatus.OPERATIONAL);
        var headline = switch (worst) {
            case OPERATIONAL -> "All systems operational";
            case DEGRADED_PERFORMANCE -> "Some systems are slower than usual";
            case PARTIAL_OUTAGE -> "Some systems are partly unavailable";
            case MAJOR_OUTAGE -> "Some systems are unavailable";
        };
        return new Overall(worst, headline);
    }
}
