package io.incidentledger.problems;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.incidentledger.incident.IncidentRejected;
import io.incidentledger.incident.InvalidCommandException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * What went wrong with a request, as its problem detail will say it: status, stable code,
 * message and extra properties. {@link #of(Throwable)} classifies anything a command can throw;
 * the HTTP layer and the command metrics share it, so both always agree on the code.
 */
public record Failure(HttpStatus status, String code, String detail, Map<String, Object> properties) {

    /**
     * SQL states of a lost race on the event store that a retry resolves: unique violation,
     * serialization failure, deadlock, lock not available, H2's lock timeout.
     */
    private static final Set<String> CONTENTION_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00");

    public Failure {
        properties = Map.copyOf(properties);
    }

    static Failure of(ProblemCode code, String detail) {
        return new Failure(code.status(), code.name(), detail, Map.of());
    }

    public boolean isClientError() {
        return status.is4xxClientError();
    }

    public static Failure of(Throwable thrown) {
        if (thrown instanceof Refusal refusal) {
            return new Failure(refusal.code().status(), refusal.code().name(), refusal.getMessage(), refusal.properties());
        }
        if (thrown instanceof IncidentRejected rejected) {
            var rejection = rejected.rejection();
            return new Failure(RejectionStatus.of(rejection), rejection.name(), rejected.getMessage(), Map.of());
        }
        if (thrown instanceof InvalidCommandException invalid) {
            return invalid(invalid);
        }
        if (thrown instanceof RequestRejectedException || thrown instanceof InvalidParameterException) {
            // Raised when a parameter is first read, so inside handlers (the actuator's too), not by the
            // security filter that answers the other firewall refusals (reliability/HostileRequestsIT).
            return of(ProblemCode.BAD_REQUEST, "The request's parameters are not acceptable.");
        }
        if (thrown instanceof AggregateNotFoundException) {
            return of(ProblemCode.INCIDENT_NOT_FOUND, "No incident with this id exists.");
        }
        if (thrown instanceof AggregateStreamCreationException) {
            return of(ProblemCode.INCIDENT_EXISTS, "An incident with this id already exists.");
        }
        if (thrown instanceof ConflictingAggregateVersionException) {
            return of(ProblemCode.VERSION_MISMATCH, "The incident is not at the version the request expected.");
        }
        if (thrown instanceof ConcurrencyException || thrown instanceof LockAcquisitionFailedException
                || thrown instanceof PessimisticLockingFailureException || thrown instanceof QueryTimeoutException
                || thrown instanceof EventStoreException && hasContentionState(thrown)) {
            return of(ProblemCode.CONCURRENT_MODIFICATION,
                    "Another request changed the incident at the same time; nothing was recorded. Retry the request.");
        }
        if (thrown instanceof CommandExecutionException wrapped) {
            // A distributed command bus hands back only the message and the code in the details.
            var code = wrapped.getDetails().filter(String.class::isInstance).map(String.class::cast).orElse(null);
            var rejection = RejectionStatus.named(code);
            if (rejection != null) {
                return new Failure(RejectionStatus.of(rejection), code, wrapped.getMessage(), Map.of());
            }
            if (ProblemCode.isCode(code)) {
                var known = ProblemCode.valueOf(code);
                return new Failure(known.status(), code, wrapped.getMessage(), Map.of());
            }
            if (wrapped.getCause() != null && wrapped.getCause() != wrapped) {
                return of(wrapped.getCause());
            }
        }
        return of(ProblemCode.INTERNAL_ERROR, "The server failed to process the request; nothing was recorded.");
    }

    static Failure invalid(InvalidCommandException invalid) {
        return invalid(List.of(new FieldError(invalid.field(), messageOf(invalid))));
    }

    /** The message without the field name the exception puts in front of it. */
    static String messageOf(InvalidCommandException invalid) {
        var prefix = invalid.field() + " ";
        return invalid.getMessage().startsWith(prefix) ? invalid.getMessage().substring(prefix.length()) : invalid.getMessage();
    }

    static Failure invalid(List<FieldError> errors) {
        return new Failure(HttpStatus.BAD_REQUEST, ProblemCode.VALIDATION_FAILED.name(),
                "The request is not valid: " + errors.stream().map(FieldError::describe).reduce((a, b) -> a + "; " + b)
                        .orElse("see errors") + ".",
                Map.of("errors", errors));
    }

    static Failure badEnum(String field, Class<?> enumType) {
        var allowed = Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        return new Failure(ProblemCode.BAD_ENUM_VALUE.status(), ProblemCode.BAD_ENUM_VALUE.name(),
                field + " must be one of " + String.join(", ", allowed) + ".", Map.of("field", field, "allowed", allowed));
    }

    static Failure badTimestamp(String field, Class<?> target) {
        var expected = LocalDate.class.equals(target) ? "an ISO-8601 date such as 2024-05-01"
                : YearMonth.class.equals(target) ? "a month such as 2024-05"
                : "an ISO-8601 instant in UTC such as 2024-05-01T09:30:00Z";
        return new Failure(ProblemCode.BAD_TIMESTAMP.status(), ProblemCode.BAD_TIMESTAMP.name(),
                field + " must be " + expected + ".", Map.of("field", field));
    }

    static Failure wrongType(String field, String expected) {
        return new Failure(ProblemCode.WRONG_TYPE.status(), ProblemCode.WRONG_TYPE.name(),
                field + " must be " + expected + ".", Map.of("field", field));
    }

    private static boolean hasContentionState(Throwable thrown) {
        var sql = find(thrown, SQLException.class);
        return sql != null && sql.getSQLState() != null && CONTENTION_STATES.contains(sql.getSQLState());
    }

    /** The first exception of the type in the cause chain, or null. */
    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (var cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** One invalid field of a request: its path (e.g. {@code components[0].status}) and what is wrong. */
    public record FieldError(String field, String message) {

        String describe() {
            return field + " " + message;
        }
    }
}
