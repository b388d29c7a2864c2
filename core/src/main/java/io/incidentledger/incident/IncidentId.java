package io.incidentledger.incident;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The identity of one incident. Restricted to a URL- and file-safe alphabet so an id can
 * never smuggle a path, markup or SQL into any place it is echoed.
 */
public record IncidentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public IncidentId {
        if (value == null || !FORMAT.matcher(value).matches()) {
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

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** Axon stores the aggregate identifier as {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
