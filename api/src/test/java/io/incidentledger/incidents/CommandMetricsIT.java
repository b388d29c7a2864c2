package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;

/** Commands by type and outcome, and events stored, as Prometheus scrapes them. */
class CommandMetricsIT extends RunningApplication {

    double scraped(Api api, String series) {
        var text = api.get("/actuator/prometheus").key(Api.ADMIN).send().body();
        var matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void countsCommandsByTypeAndOutcomeAndEventsByType() {
        var detected = "incidentledger_commands_seconds_count{command=\"DetectIncident\",outcome=\"success\"}";
        var refused = "incidentledger_commands_seconds_count{command=\"AcknowledgeIncident\","
                + "outcome=\"rejected:ALREADY_ACKNOWLEDGED\"}";
        var missing = "incidentledger_commands_seconds_count{command=\"AddInternalNote\","
                + "outcome=\"rejected:INCIDENT_NOT_FOUND\"}";
        var events = "incidentledger_events_appended_total{event=\"IncidentDetected\"}";
        var before = Map.of(detected, scraped(api, detected), refused, scraped(api, refused),
                missing, scraped(api, missing), events, scraped(api, events));

        var id = api.acknowledged("Metrics");
        api.post("/api/incidents/" + id + "/acknowledgement").json(Map.of("commander", "Bob")).send();
        api.post("/api/incidents/INC-NONE/notes").json(Map.of("note", "n")).send();

        assertThat(scraped(api, detected)).isEqualTo(before.get(detected) + 1);
        assertThat(scraped(api, refused)).isEqualTo(before.get(refused) + 1);
        assertThat(scraped(api, missing)).isEqualTo(before.get(missing) + 1);
        assertThat(scraped(api, events)).isEqualTo(before.get(events) + 1);
    }
}
