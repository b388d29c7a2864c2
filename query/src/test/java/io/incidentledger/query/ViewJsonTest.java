package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.incident.Phase;
import org.junit.jupiter.api.Test;

class ViewJsonTest {

    record Sample(String zeta, Phase phase, Instant at, Map<String, Integer> counts, List<String> items) {
    }

    @Test
    void writesTheSameBytesForEqualViewsAndReadsThemBack() {
        var first = new HashMap<String, Integer>();
        first.put("b", 2);
        first.put("a", 1);
        var second = new HashMap<String, Integer>();
        second.put("a", 1);
        second.put("b", 2);
        var at = Instant.parse("2025-03-01T10:15:30.123456Z");

        var json = ViewJson.write(new Sample("z", Phase.FIXED, at, first, List.of("y", "x")));

        assertThat(json).isEqualTo(ViewJson.write(new Sample("z", Phase.FIXED, at, second, List.of("y", "x"))));
        assertThat(json).isEqualTo("{\"zeta\":\"z\",\"phase\":\"FIXED\",\"at\":\"2025-03-01T10:15:30.123456Z\","
                + "\"counts\":{\"a\":1,\"b\":2},\"items\":[\"y\",\"x\"]}");
        assertThat(ViewJson.read(json, Sample.class)).isEqualTo(new Sample("z", Phase.FIXED, at, first, List.of("y", "x")));
    }
}
