package io.incidentledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebuildTest {

    private static final String STATUS = "{\"rebuilding\":true,\"models\":["
            + "{\"model\":\"analytics\",\"rebuilding\":false,\"processed\":1000,\"total\":null},"
            + "{\"model\":\"live-status\",\"rebuilding\":true,\"processed\":400,\"total\":1000},"
            + "{\"model\":\"postmortem\",\"rebuilding\":false,\"processed\":900,\"total\":null}]}";

    @Test
    void aModelIsRebuiltOnlyWhenNotRebuildingAndAtTheHead() {
        assertThat(Rebuild.rebuilt(STATUS, "analytics", 1000)).isTrue();
        assertThat(Rebuild.rebuilt(STATUS, "live-status", 1000)).as("still rebuilding").isFalse();
        assertThat(Rebuild.rebuilt(STATUS, "postmortem", 1000)).as("short of the head").isFalse();
        assertThat(Rebuild.rebuilt(STATUS, "customer-timeline", 1000)).as("not in the status").isFalse();
    }
}
