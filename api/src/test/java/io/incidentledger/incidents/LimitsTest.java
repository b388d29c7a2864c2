package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.FixIncident;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InvalidCommandException;
import io.incidentledger.incident.Severity;
import org.junit.jupiter.api.Test;

/** The HTTP limits are core's: a value at the limit passes core, one past it does not. */
class LimitsTest {

    static final IncidentId ID = new IncidentId("INC-1");

    @Test
    void nameLimit() {
        assertThatCode(() -> new AcknowledgeIncident(ID, "n".repeat(Limits.NAME), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new AcknowledgeIncident(ID, "n".repeat(Limits.NAME + 1), null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void titleTextAndListLimits() {
        assertThatCode(() -> new DetectIncident(ID, "t".repeat(Limits.TITLE), Severity.SEV1, "s".repeat(Limits.TEXT),
                services(Limits.LIST), null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new DetectIncident(ID, "t".repeat(Limits.TITLE + 1), Severity.SEV1, null, null, null,
                null)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new DetectIncident(ID, "t", Severity.SEV1, "s".repeat(Limits.TEXT + 1), null, null,
                null)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new DetectIncident(ID, "t", Severity.SEV1, null, services(Limits.LIST + 1), null,
                null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void referenceLimit() {
        assertThatCode(() -> new FixIncident(ID, "r", "f".repeat(Limits.REFERENCE), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new FixIncident(ID, "r", "f".repeat(Limits.REFERENCE + 1), null))
                .isInstanceOf(InvalidCommandException.class);
    }

    private static List<String> services(int count) {
        var services = new java.util.ArrayList<String>();
        for (int i = 0; i < count; i++) {
            services.add("service-" + i);
        }
        return Collections.unmodifiableList(services);
    }
}
