package io.incidentledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsMembersAndDropsWhitespace() {
        assertThat(CanonicalJson.canonical("{ \"b\" : [1, {\"z\":true,\"a\":null}],\n \"a\": \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void keepsNumbersAsWritten() {
        assertThat(CanonicalJson.canonical("{\"p\":12.50,\"q\":1E3,\"r\":-0.0}")).isEqualTo("{\"p\":12.50,\"q\":1E3,\"r\":-0.0}");
        assertThat(CanonicalJson.canonical("[12.50]")).isNotEqualTo(CanonicalJson.canonical("[12.5]"));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.canonical("[\"\\u00e9\\/\\\"\\\\\\n\\t\\u0001\\u007f\"]"))
                .isEqualTo("[\"é/\\\"\\\\\\n\\t\\u0001\u007f\"]");
    }

    @Test
    void ordersKeysByCodePointNotByUtf16Unit() {
        // U+FFFF sorts before U+1F600, although its UTF-16 unit is larger than the surrogate's.
        assertThat(CanonicalJson.canonical("{\"\\ud83d\\ude00\":1,\"\\uffff\":2}"))
                .isEqualTo("{\"\uffff\":2,\"\ud83d\ude00\":1}");
    }

    @Test
    void refusesWhatHasNoSingleCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":NaN}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isIdempotent() {
        var once = CanonicalJson.canonical("{\"x\":[1.0,\"\\u2028\"],\"a\":{}}");
        assertThat(CanonicalJson.canonical(once)).isEqualTo(once);
    }
}
