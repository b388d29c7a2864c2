package io.incidentledger.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;

/** What an SRE running the engine watches: health per read model, lag, command metrics. */
class OperationsIT extends RunningApplication {

    @Test
    void healthShowsEveryReadModelsProcessorToAdminsOnly() {
        var admin = api.get("/actuator/health").key("dev-admin-key").send();
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("\"eventProcessors\"", "\"live-status\"", "\"customer-timeline\"",
                "\"postmortem\"", "\"analytics\"", "\"running\":true");

        var anonymous = api.get("/actuator/health").noKey().send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("eventProcessors");
    }

    @Test
    void prometheusPublishesTheLagOfEveryReadModel() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var metrics = api.get("/actuator/prometheus").key("dev-admin-key").send();
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("incidentledger_processor_lag{processor=\"live-status\"}",
                    "incidentledger_processor_lag{processor=\"postmortem\"}");
        });
    }
}
