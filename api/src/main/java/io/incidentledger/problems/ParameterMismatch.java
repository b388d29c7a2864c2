package io.incidentledger.problems;

import java.time.temporal.Temporal;
import java.util.List;

import io.incidentledger.incident.InvalidCommandException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Why a path variable or query parameter could not be converted to what the endpoint takes. */
final class ParameterMismatch {

    private ParameterMismatch() {
    }

    static Failure decode(TypeMismatchException mismatch) {
        var name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : mismatch.getPropertyName();
        name = name == null ? "parameter" : name;
        var invalid = Failure.find(mismatch, InvalidCommandException.class);
        if (invalid != null) {
            return Failure.invalid(List.of(new Failure.FieldError(name, Failure.messageOf(invalid))));
        }
        var target = mismatch.getRequiredType();
        if (target != null && target.isEnum()) {
            return Failure.badEnum(name, target);
        }
        if (target != null && Temporal.class.isAssignableFrom(target)) {
            return Failure.badTimestamp(name, target);
        }
        return Failure.wrongType(name, target == null ? "of another type" : "of type " + target.getSimpleName());
    }
}
