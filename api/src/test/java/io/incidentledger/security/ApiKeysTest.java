package io.incidentledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    static ApiKeyProperties compact(String keys) {
        return new ApiKeyProperties(keys, List.of(), null);
    }

    @Test
    void readsTheCompactFormatAndTheStructuredList() {
        var properties = new ApiKeyProperties(" alice:alice-secret-0001:RESPONDER ; bob:bob-secret-00002:VIEWER,AUDITOR;",
                List.of(new ApiKeyProperties.Key("ops", "ops-secret-000003", Set.of(Role.ADMIN))), null);

        var keys = ApiKeys.from(properties, List.of("prod"));

        assertThat(keys.authenticate("alice-secret-0001")).get().extracting(ApiKeys.ApiKey::name).isEqualTo("alice");
        assertThat(keys.authenticate("bob-secret-00002").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.VIEWER, Role.AUDITOR);
        assertThat(keys.authenticate("ops-secret-000003").orElseThrow().roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(keys.authenticate("alice-secret-0002")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void rolesIncludeTheRolesBelowThem() {
        var keys = ApiKeys.from(compact("r:responder-key:RESPONDER;a:auditor-key:AUDITOR"), List.of());

        assertThat(keys.authenticate("responder-key").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.RESPONDER, Role.VIEWER);
        assertThat(keys.authenticate("auditor-key").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.VIEWER);
    }

    @Test
    void allowsDevelopmentKeysWithoutAProfileOrUnderADevelopmentProfile() {
        var properties = compact("dev-responder:dev-responder-key:RESPONDER");

        assertThat(ApiKeys.from(properties, List.of()).anyDevelopmentKey()).isTrue();
        assertThat(ApiKeys.from(properties, List.of("dev")).anyDevelopmentKey()).isTrue();
    }

    @Test
    void refusesDevelopmentKeysUnderAnyOtherProfile() {
        var properties = compact("dev-responder:dev-responder-key:RESPONDER;ok:a-real-key-of-length-24:ADMIN");

        assertThatThrownBy(() -> ApiKeys.from(properties, List.of("postgres")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Development API keys [dev-responder]")
                .hasMessageContaining("[postgres]")
                .hasMessageContaining("INCIDENT_LEDGER_API_KEYS")
                .hasMessageNotContaining("dev-responder-key");
        assertThatThrownBy(() -> ApiKeys.from(properties, List.of("dev", "axonserver")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesShortKeysUnderAProductionProfile() {
        assertThatThrownBy(() -> ApiKeys.from(compact("a:short-key:VIEWER"), List.of("prod")))
                .hasMessageContaining("shorter than 16");
        assertThat(ApiKeys.from(compact("a:short-key:VIEWER"), List.of()).all()).hasSize(1);
    }

    @Test
    void refusesBrokenConfigurationWithoutRepeatingTheKey() {
        assertThatThrownBy(() -> ApiKeys.from(compact("a:secret-value-1:ROOT"), List.of()))
                .hasMessageContaining("unknown role").hasMessageNotContaining("secret-value-1");
        assertThatThrownBy(() -> ApiKeys.from(compact("a:secret-value-1"), List.of()))
                .hasMessageContaining("name:key:ROLE");
        assertThatThrownBy(() -> ApiKeys.from(compact("a:secret-value-1:VIEWER;a:secret-value-2:VIEWER"), List.of()))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> ApiKeys.from(compact("a:secret-value-1:VIEWER;b:secret-value-1:ADMIN"), List.of()))
                .hasMessageContaining("same value").hasMessageNotContaining("secret-value-1");
        assertThatThrownBy(() -> ApiKeys.from(compact("a:short:VIEWER"), List.of()))
                .hasMessageContaining("8 to 200");
        assertThatThrownBy(() -> ApiKeys.from(compact("bad name:secret-value-1:VIEWER"), List.of()))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> ApiKeys.from(compact("a:secret-value-1:"), List.of()))
                .hasMessageContaining("unknown role");
    }
}
