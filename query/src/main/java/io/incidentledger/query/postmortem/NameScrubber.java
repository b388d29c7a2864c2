package io.incidentledger.query.postmortem;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces known people's names inside free text by their role label: "maria rolls back the
 * deploy" reads "Responder 1 rolls back the deploy". Matching is case-insensitive, on whole
 * words only (a name is not replaced inside a longer word: "Al" stays in "Alert"), tolerant of
 * any whitespace between a name's words, and takes the longest name first at each position so
 * "Maria Lopez" wins over "Maria". Names are matched literally, regex metacharacters included.
 */
final class NameScrubber {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    /** Compiled once: every document's roster normalizes each name it meets. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The names as one pattern, compiled when a text first may mention one of them. */
    private final String regex;
    private Pattern pattern;
    private final List<String> labels = new ArrayList<>();
    /** Each name's first word, {@link #fold folded}: a text holding none of them names nobody. */
    private final List<String> firstWords = new ArrayList<>();

    /** @param labelsByName person name (any case) to label; blank names are ignored */
    NameScrubber(Map<String, String> labelsByName) {
        var names = labelsByName.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().isBlank())
                .map(e -> Map.entry(normalize(e.getKey()), e.getValue()))
                .sorted(Comparator.<Map.Entry<String, String>>comparingInt(e -> -e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        var alternatives = new ArrayList<String>();
        for (var name : names) {
            alternatives.add("(" + literal(name.getKey()) + ")");
            labels.add(name.getValue());
            firstWords.add(fold(name.getKey().split(" ")[0]));
        }
        regex = alternatives.isEmpty() ? null
                : "(?<!" + WORD_CHAR + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD_CHAR + ")";
    }

    String scrub(String text) {
        if (text == null || regex == null) {
            return text;
        }
        var normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (!mayMention(normalized)) {
            return normalized;
        }
        if (pattern == null) {
            pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        var matcher = pattern.matcher(normalized);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(labels.get(matchedAlternative(match))));
    }

    /**
     * Whether the text could hold a name: a cheap look for a first word before the pattern's
     * search from every position. The pattern matches a literal case-insensitively by comparing
     * each character folded as {@link #fold} folds it, so a text without any folded first word
     * has no match.
     */
    private boolean mayMention(String text) {
        var folded = fold(text);
        for (var word : firstWords) {
            if (folded.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Each code point as {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE} compares it. */
    private static String fold(String text) {
        var folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x80) {
                folded.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
            } else {
                folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
            }
            i += Character.charCount(c);
        }
        return folded.toString();
    }

    /** The identity of a name: names differing only in case or spacing are one person. */
    static String key(String name) {
        return normalize(name).toLowerCase(Locale.ROOT);
    }

    private static String normalize(String name) {
        return WHITESPACE.matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFC)).replaceAll(" ");
    }

    /** Each word quoted, any run of whitespace between words. */
    private static String literal(String name) {
        var words = name.split(" ");
        var quoted = new ArrayList<String>();
        for (var word : words) {
            quoted.add(Pattern.quote(word));
        }
        return String.join("\\s+", quoted);
    }

    private static int matchedAlternative(java.util.regex.MatchResult match) {
        for (int group = 1; group <= match.groupCount(); group++) {
            if (match.group(group) != null) {
                return group - 1;
            }
        }
        throw new IllegalStateException("a match without an alternative");
    }
}
