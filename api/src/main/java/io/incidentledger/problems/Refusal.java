package io.incidentledger.problems;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A request refused for a reason the client can act on: the code of its problem detail, a
 * message for people, and optional extra properties. Like the domain's IncidentRejected it is
 * a CommandExecutionException whose details are the code, so a refusal raised while a command
 * is handled keeps its code across a distributed command bus.
 */
public class Refusal extends CommandExecutionException {

    private final ProblemCode code;
    private final transient Map<String, Object> properties;

    public Refusal(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    public Refusal(ProblemCode code, String detail, Map<String, Object> properties) {
        // No stack trace: a refusal is an answer to the client, not a fault to debug.
        super(detail, null, code.name(), false);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    /** A VALIDATION_FAILED refusal naming one field (or header) and what is wrong with it. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(ProblemCode.VALIDATION_FAILED, field + " " + message + ".",
                Map.of("errors", List.of(new Failure.FieldError(field, message))));
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
