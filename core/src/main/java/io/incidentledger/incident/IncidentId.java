package io.incidentledger.incident;

import java.security.SecureRandom;

/**
 * The identity of one incident. Restricted to a URL- and file-safe alphabet so an id can
 * never smuggle a path, markup or SQL into any place it is echoed.
 */
public record IncidentId(String value) {

    private static final int MAX_LENGTH = 64;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public IncidentId {
        if (!isValid(value)) {
            throw new InvalidCommandException("incidentId",
                    "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    public static IncidentId generate() {
        var id = new StringBuilder("INC-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new IncidentId(id.toString());
    }

    /**
     * 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit. Checked without a
     * regular expression: every event read back builds its incident's id (a rebuild: each of
     * millions), and the pattern's matcher was a thirtieth of reading an event.
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Axon stores the aggregate identifier as {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
