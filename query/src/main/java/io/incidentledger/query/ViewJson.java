package io.incidentledger.query;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of view documents stored in read-model tables. Stable by construction, so a
 * rebuilt table is byte-identical to the live one: record components in declaration order, map
 * entries sorted by key, times as ISO-8601 strings; unknown properties are ignored so a document
 * written by an older version still reads.
 */
public final class ViewJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(IsoInstants.jacksonModule())
            .build();

    private ViewJson() {
    }

    public static String write(Object view) {
        return MAPPER.writeValueAsString(view);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
