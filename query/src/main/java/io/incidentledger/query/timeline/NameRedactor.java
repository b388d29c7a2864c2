package io.incidentledger.query.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces responders' names inside public text by {@value #REPLACEMENT}. Names are compared as
 * sequences of words (letters and digits, case-insensitive), so "Maria", "maria's" and
 * "li.wei@corp" in a message match the names "maria" and "Li.Wei@corp". Only hashes of names are
 * kept, so the timeline's tables never hold a name either.
 */
final class NameRedactor {

    static final String REPLACEMENT = "our team";

    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest per thread, reset by each {@code digest()}: redacting a text hashes every run of
     * its words, and looking SHA-256 up among the security providers each time was a third of it.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(NameRedactor::sha256);

    private record Word(String text, int start, int end) {
    }

    private NameRedactor() {
    }

    /** The hash of a name, or null if it has no word to match. */
    static String hash(String name) {
        var words = words(name);
        return words.isEmpty() ? null : digest(words, 0, words.size());
    }

    static int wordCount(String name) {
        return words(name).size();
    }

    static String redact(String text, Set<String> nameHashes, int longestName) {
        if (text == null || nameHashes.isEmpty()) {
            return text;
        }
        var words = words(text);
        var out = new StringBuilder();
        int copiedUpTo = 0;
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(longestName, words.size() - i); n > 0 && matched == 0; n--) {
                if (nameHashes.contains(digest(words, i, i + n))) {
                    matched = n;
                }
            }
            if (matched == 0) {
                i++;
                continue;
            }
            out.append(text, copiedUpTo, words.get(i).start()).append(REPLACEMENT);
            copiedUpTo = words.get(i + matched - 1).end();
            i += matched;
        }
        return copiedUpTo == 0 ? text : out.append(text.substring(copiedUpTo)).toString();
    }

    private static List<Word> words(String text) {
        var words = new ArrayList<Word>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                words.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return words;
    }

    private static String digest(List<Word> words, int from, int to) {
        var joined = new StringBuilder();
        for (int i = from; i < to; i++) {
            joined.append(i == from ? "" : " ").append(words.get(i).text());
        }
        return HEX.formatHex(SHA_256.get().digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
