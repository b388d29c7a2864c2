package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantsTest {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    record Times(Instant at, List<Instant> more) {
    }

    /** Instants of every fraction length, around the year boundaries the fast path stops at. */
    private static List<Instant> instants() {
        var random = new Random(7);
        var all = new ArrayList<Instant>();
        for (long edge : new long[] {YEAR_0 - 1, YEAR_0, 0, -1, 1, YEAR_10000 - 1, YEAR_10000}) {
            all.add(Instant.ofEpochSecond(edge));
            all.add(Instant.ofEpochSecond(edge, 999_999_999));
        }
        for (int i = 0; i < 20_000; i++) {
            long seconds = YEAR_0 - 86_400L * 400 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0 + 86_400L * 800));
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            all.add(Instant.ofEpochSecond(seconds, nano));
        }
        return all;
    }

    /** Read as the engine reads, with {@link DateTimeFormatter#ISO_INSTANT} for what the fast path leaves. */
    private static Instant parse(CharSequence text) {
        return IsoInstants.parse(text, t -> DateTimeFormatter.ISO_INSTANT.parse(t, Instant::from));
    }

    @Test
    void writesWhatIsoInstantWritesAndReadsItBack() {
        for (var instant : instants()) {
            var text = IsoInstants.format(instant);
            assertThat(text).as("epoch second %d nano %d", instant.getEpochSecond(), instant.getNano())
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void readsEveryFractionLengthAsTheGeneralParserDoes() {
        for (var text : List.of("2026-11-21T14:03:07Z", "2026-11-21T14:03:07.1Z", "2026-11-21T14:03:07.12Z",
                "2026-11-21T14:03:07.123Z", "2026-11-21T14:03:07.1234Z", "2026-11-21T14:03:07.123456789Z",
                "2024-02-29T23:59:59.000000001Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                "2026-11-21T14:03:07+02:00", "2026-11-21t14:03:07z", "+12026-11-21T14:03:07Z")) {
            assertThat(parse(text)).as(text)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
        }
    }

    @Test
    void leavesWhatItDoesNotTakeToTheGeneralParser() {
        for (var text : List.of("2026-02-30T10:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T14:60:00Z",
                "2026-11-21T14:03:07.Z", "2026-11-21T14:03:07.1234567890Z", "2026-11-21 14:03:07Z",
                "2026-1x-21T14:03:07Z", "2026-11-21T14:03:07", "")) {
            var general = new ArrayList<CharSequence>();
            IsoInstants.parse(text, t -> {
                general.add(t);
                return Instant.EPOCH;
            });
            assertThat(general).as(text).containsExactly(text);
        }
        assertThatThrownBy(() -> parse("2026-02-30T10:00:00Z")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void jsonIsTheSameAsJacksonsOwnAndReadsBackTheSame() {
        var plain = JsonMapper.builder().build();
        var fast = JsonMapper.builder().addModule(IsoInstants.jacksonModule()).build();
        var times = new Times(Instant.parse("2026-11-21T14:03:07.120Z"), instants().subList(0, 2_000));
        var json = fast.writeValueAsString(times);
        assertThat(json).isEqualTo(plain.writeValueAsString(times));
        assertThat(fast.readValue(json, Times.class)).isEqualTo(times);
    }

    @Test
    void otherShapesInJsonReadAsJacksonReadsThem() {
        var axonLike = JsonMapper.builder().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        var plain = axonLike.build();
        var fast = JsonMapper.builder().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .addModule(IsoInstants.jacksonModule()).build();
        for (var json : List.of("{\"at\":\"2026-11-21T16:03:07+02:00\",\"more\":[]}",
                "{\"at\":1763733787.5,\"more\":[1763733787]}", "{\"at\":[\"2026-11-21T14:03:07Z\"],\"more\":null}")) {
            assertThat(fast.readValue(json, Times.class)).as(json).isEqualTo(plain.readValue(json, Times.class));
        }
    }
}
