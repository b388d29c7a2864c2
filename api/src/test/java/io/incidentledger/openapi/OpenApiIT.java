package io.incidentledger.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;

class OpenApiIT extends RunningApplication {

    @Test
    void documentsTheWritesTheirHeadersSecurityAndProblemCodes() {
        var document = api.get("/v3/api-docs").send();

        assertThat(document.status()).isEqualTo(200);
        var json = document.json();
        assertThat(json.get("paths").has("/api/incidents")).isTrue();
        assertThat(json.get("paths").get("/api/incidents/{incidentId}/responders/{responder}").has("delete")).isTrue();
        assertThat(json.get("components").get("securitySchemes").get("apiKey").get("name").asString())
                .isEqualTo("X-API-Key");
        var detect = json.get("paths").get("/api/incidents").get("post");
        assertThat(detect.get("parameters").values()).extracting(p -> p.get("name").asString())
                .containsExactlyInAnyOrder("Idempotency-Key", "If-Match", "X-Correlation-Id");
        assertThat(json.get("components").get("schemas").has("Write")).isFalse();
        assertThat(detect.get("responses").has("422")).isTrue();
        assertThat(json.get("info").get("description").asString())
                .contains("| IDEMPOTENCY_KEY_REUSED | 422 |", "| ALREADY_FIXED | 409 |", "| VERSION_MISMATCH | 412 |");
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }
}
