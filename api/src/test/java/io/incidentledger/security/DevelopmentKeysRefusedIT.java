package io.incidentledger.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentledger.IncidentLedgerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A non-development profile with the public development keys must not start at all. */
class DevelopmentKeysRefusedIT {

    @Test
    void refusesToStartUnderAProductionProfileWithTheDevelopmentKeys() {
        var application = new SpringApplicationBuilder(IncidentLedgerApplication.class).profiles("prod");

        assertThatThrownBy(() -> application.run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:refused-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"))
                .rootCause()
                .hasMessageContaining("Development API keys")
                .hasMessageContaining("[prod]")
                .hasMessageContaining("INCIDENT_LEDGER_API_KEYS");
    }
}
