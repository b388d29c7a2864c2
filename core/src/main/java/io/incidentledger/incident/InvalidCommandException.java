package io.incidentledger.incident;

/**
 * A command whose shape is wrong (missing field, too long, bad characters). Thrown from compact
 * constructors, before any rule is evaluated and before anything is appended.
 */
public class InvalidCommandException extends IllegalArgumentException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
