package io.incidentledger.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Unique random words for one generated incident: secrets (internal texts and people's names,
 * which no public output may show) and public words (which customers should see). Lower-case
 * letters after a prefix, long enough never to occur by chance in any other text.
 */
final class Markers {

    final Set<String> secrets = new LinkedHashSet<>();
    final Set<String> publicWords = new LinkedHashSet<>();
    /** Every person invented so far, whether or not they joined the response. */
    final List<String> people = new ArrayList<>();

    private final Random random;

    Markers(Random random) {
        this.random = random;
    }

    String secret() {
        var marker = "s" + word(11);
        secrets.add(marker);
        return marker;
    }

    String publicWord() {
        var word = "p" + word(9);
        publicWords.add(word);
        return word;
    }

    /** A new person: two unique words, each secret on its own too (a surname alone is still a name). */
    String person() {
        var first = capitalized(word(7));
        var last = capitalized(word(9));
        secrets.add(first);
        secrets.add(last);
        people.add(first + " " + last);
        return first + " " + last;
    }

    private String word(int length) {
        var word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
