package io.incidentledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRank() {
        var latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void mergedPartsCountEveryRequest() {
        var a = new Latencies();
        var b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            a.add(1_000_000);
            b.add(3_000_000);
        }
        var all = Latencies.merge(List.of(a, b));
        assertThat(all.count()).isEqualTo(6000);
        assertThat(all.percentileMillis(50)).isEqualTo(1.0);
        assertThat(all.percentileMillis(51)).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwoAndIgnoresMissingFigures() {
        assertThat(Latencies.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Latencies.median(List.of(4.0, 1.0, 2.0, 8.0, Double.NaN))).isEqualTo(3.0);
        assertThat(Latencies.median(List.of(Double.NaN))).isNaN();
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }
}
