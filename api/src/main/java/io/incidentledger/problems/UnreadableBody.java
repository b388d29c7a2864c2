package io.incidentledger.problems;

import java.time.DateTimeException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.incidentledger.incident.InvalidCommandException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says precisely why a request body could not be read: broken JSON, a field we do not know, a
 * value of the wrong type, a timestamp or enum value we cannot parse, or a body over the size
 * limit. Never echoes the offending value, which may be huge or hostile.
 */
final class UnreadableBody {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,120}");

    private UnreadableBody() {
    }

    static Failure decode(HttpMessageNotReadableException unreadable) {
        var refusal = Failure.find(unreadable, Refusal.class);
        if (refusal != null) {
            return Failure.of(refusal);
        }
        var invalid = Failure.find(unreadable, InvalidCommandException.class);
        if (invalid != null) {
            return Failure.invalid(invalid);
        }
        var unknown = Failure.find(unreadable, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new Failure(ProblemCode.UNKNOWN_FIELD.status(), ProblemCode.UNKNOWN_FIELD.name(),
                    "The body has a field this request does not take: " + path(unknown) + ".",
                    Map.of("field", path(unknown)));
        }
        var mismatch = Failure.find(unreadable, MismatchedInputException.class);
        if (mismatch != null && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return Failure.of(ProblemCode.MALFORMED_JSON, "The body has more after its JSON document.");
        }
        if (mismatch != null) {
            return mismatch(mismatch);
        }
        var coercion = Failure.find(unreadable, InputCoercionException.class);
        if (coercion != null) {
            return Failure.wrongType(pathOf(unreadable), "a number in range");
        }
        var jackson = Failure.find(unreadable, JacksonException.class);
        if (jackson instanceof StreamReadException || jackson == null) {
            var detail = unreadable.getMessage() != null && unreadable.getMessage().startsWith("Required request body")
                    ? "The request needs a JSON body." : "The body is not well-formed JSON.";
            return Failure.of(ProblemCode.MALFORMED_JSON, detail);
        }
        var time = Failure.find(unreadable, DateTimeException.class);
        if (time != null) {
            return Failure.badTimestamp(path(jackson), null);
        }
        return Failure.of(ProblemCode.MALFORMED_JSON, "The body could not be read as this request's JSON.");
    }

    private static Failure mismatch(MismatchedInputException mismatch) {
        var target = mismatch.getTargetType();
        var field = path(mismatch);
        if (target != null && target.isEnum()) {
            return Failure.badEnum(field, target);
        }
        if (target != null && Temporal.class.isAssignableFrom(target)) {
            return Failure.badTimestamp(field, target);
        }
        return Failure.wrongType(field, target == null ? "another type" : describe(target));
    }

    private static String describe(Class<?> target) {
        if (CharSequence.class.isAssignableFrom(target)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String pathOf(Throwable thrown) {
        var jackson = Failure.find(thrown, JacksonException.class);
        return jackson == null ? "body" : path(jackson);
    }

    private static String path(JacksonException exception) {
        var path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : safe(path.toString());
    }

    /** A field name is echoed only when it is short and plain; a hostile one is not repeated back. */
    private static String safe(String path) {
        return SAFE_PATH.matcher(path).matches() ? path : "(a field name that is not shown)";
    }
}
