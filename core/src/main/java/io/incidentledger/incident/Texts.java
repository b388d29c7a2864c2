package io.incidentledger.incident;

import java.util.List;

/** Shape checks shared by command constructors: presence, length and allowed characters. */
final class Texts {

    static final int NAME = 100;
    static final int TITLE = 200;
    static final int REFERENCE = 500;
    static final int TEXT = 10_000;
    static final int LIST = 50;

    private Texts() {
    }

    /** A required single-line value: no control characters at all. */
    static String line(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "is required");
        }
        return checkedLine(field, value, max);
    }

    static String optionalLine(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checkedLine(field, value, max);
    }

    /** A required multi-line value: tabs and line breaks allowed, other control characters not. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "is required");
        }
        return checkedText(field, value, max);
    }

    static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checkedText(field, value, max);
    }

    static List<String> lines(String field, List<String> values, int maxItems, int maxLength, boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                throw new InvalidCommandException(field, "needs at least one entry");
            }
            return List.of();
        }
        if (values.size() > maxItems) {
            throw new InvalidCommandException(field, "has more than " + maxItems + " entries");
        }
        var checked = values.stream().map(v -> line(field, v, maxLength)).distinct().toList();
        return List.copyOf(checked);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidCommandException(field, "is required");
        }
        return value;
    }

    private static String checkedLine(String field, String value, int max) {
        var trimmed = value.strip();
        checkLength(field, trimmed, max);
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCommandException(field, "must not contain control characters or line breaks");
        }
        return trimmed;
    }

    private static String checkedText(String field, String value, int max) {
        var trimmed = value.strip();
        checkLength(field, trimmed, max);
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidCommandException(field, "must not contain control characters");
        }
        return trimmed;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidCommandException(field, "must be at most " + max + " characters");
        }
    }
}
