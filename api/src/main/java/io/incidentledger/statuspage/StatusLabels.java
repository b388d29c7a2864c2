package io.incidentledger.statuspage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.PublicStatus;
import org.springframework.stereotype.Component;

/** Words and times as customers read them. Exposed to templates as {@code @statusLabels}. */
@Component("statusLabels")
class StatusLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static String publicStatus(PublicStatus status) {
        return switch (status) {
            case INVESTIGATING -> "Investigating";
            case IDENTIFIED -> "Identified";
            case MONITORING -> "Monitoring";
            case RESOLVED -> "Resolved";
        };
    }

    public String status(PublicStatus status) {
        return publicStatus(status);
    }

    public String component(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "Operational";
            case DEGRADED_PERFORMANCE -> "Degraded performance";
            case PARTIAL_OUTAGE -> "Partial outage";
            case MAJOR_OUTAGE -> "Major outage";
        };
    }

    public String cssClass(Enum<?> status) {
        return status.name().toLowerCase().replace('_', '-');
    }

    public <T> List<T> newestFirst(List<T> items) {
        var copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
