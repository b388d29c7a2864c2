package io.incidentledger.query.postmortem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Locale;

/**
 * User text made inert for GitHub-flavoured Markdown, and the few formats the postmortem uses.
 * Lines are stripped and joined with {@code <br>}, so user text always stays inside the one line
 * (paragraph, list item or table cell) it was put in and never opens a block of its own; within
 * that line, backslash escapes (valid for any ASCII punctuation in CommonMark) neutralise what can
 * start markup: emphasis, code, links, images, HTML, entities, tables, strikethrough, math,
 * mentions and issue references everywhere; list, heading and quote markers at the start. Other
 * punctuation is left alone so the raw Markdown stays readable.
 * <p>
 * One thing escaping cannot stop: GFM renderers turn a bare URL or e-mail address in plain text
 * into a link (GitHub finds e-mail addresses after escapes are resolved). Such a link always
 * shows its own destination, so it cannot disguise a target; we accept it.
 */
final class MarkdownText {

    private static final String ALWAYS = "\\`*_[]<>&|~$#@";
    private static final String AT_START = "-+";
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MarkdownText() {
    }

    /** User text as one line of inert Markdown; null reads as an empty string. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        var lines = new ArrayList<String>();
        for (var line : text.split("\\R", -1)) {
            lines.add(escape(line.replace('\t', ' ').strip()));
        }
        return String.join("<br>", lines);
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS.indexOf(c) >= 0 || i == 0 && AT_START.indexOf(c) >= 0 || endsOrderedListMarker(text, i)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** "1." or "1)" opening the line would start an ordered list. */
    private static boolean endsOrderedListMarker(String text, int i) {
        char c = text.charAt(i);
        return (c == '.' || c == ')') && i > 0 && text.chars().limit(i).allMatch(d -> d >= '0' && d <= '9');
    }

    /** Exact time in UTC, fractions of a second shown only when there are some. */
    static String time(Instant at) {
        return at == null ? "unknown" : TIME.format(at);
    }

    /** A time in prose: "2026-03-02 09:14:00 UTC", or "unknown" (never "unknown UTC"). */
    static String when(Instant at) {
        return at == null ? "unknown" : TIME.format(at) + " UTC";
    }

    /** "1 h 5 min 3 s"; zero is "0 s". */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "unknown";
        }
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "min", "s"};
        var parts = new ArrayList<String>();
        long rest = seconds;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                parts.add(rest / units[i] + " " + names[i]);
                rest %= units[i];
            }
        }
        return parts.isEmpty() ? "0 s" : String.join(" ", parts);
    }

    static String percent(Double value) {
        return value == null ? "unknown" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " %";
    }
}
