package io.incidentledger.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants as the stores keep them, {@code 2026-11-21T14:03:07.123456Z}, read and written without
 * {@link DateTimeFormatter}'s general machinery: a replay reads several of them per event (the
 * event's own timestamp and the times in its payload) and writes more into every view, and the
 * general parser and printer were a large part of a replay's time.
 * <p>
 * Only that one shape is handled here: a four-digit year, a seconds field, a fraction of up to
 * nine digits, {@code Z}. Anything else (an offset, a year beyond 9999, a leap second) is left
 * to the general parser, so every text reads exactly as it did; what is written is what
 * {@link DateTimeFormatter#ISO_INSTANT} writes.
 */
public final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstants() {
    }

    /**
     * The instant {@code text} denotes; texts not in the stores' shape go to {@code general}, which
     * also decides how an invalid text fails.
     */
    public static Instant parse(CharSequence text, Function<CharSequence, Instant> general) {
        var instant = parseCanonical(text);
        return instant != null ? instant : general.apply(text);
    }

    /** Exactly what {@link DateTimeFormatter#ISO_INSTANT} prints. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        if (day < -719_528 || day > 2_932_896) { // outside years 0000-9999: the general printer's sign rules
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        var date = LocalDate.ofEpochDay(day);
        var out = new StringBuilder(30);
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, second / 3600, 2).append(':');
        digits(out, second / 60 % 60, 2).append(':');
        digits(out, second % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /**
     * Instants read and written by {@link #parse} and {@link #format}; what the fast path does not
     * take (numbers, other shapes) goes to Jackson's own deserializer.
     */
    public static SimpleModule jacksonModule() {
        var module = new SimpleModule("iso-instants");
        module.addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(format(value));
            }
        });
        module.addDeserializer(Instant.class, new ValueDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    var instant = parseCanonical(parser.getString());
                    if (instant != null) {
                        return instant;
                    }
                }
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
        });
        return module;
    }

    /** The instant, or null when the text is not in the stores' shape (or names no valid time). */
    private static Instant parseCanonical(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nano = number(text, 20, length - 1);
            if (nano < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number in {@code [from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code value} (never negative) in exactly {@code width} digits, zero-padded. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
