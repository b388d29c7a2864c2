package io.incidentledger.problems;

import org.springframework.http.HttpStatus;

/**
 * The stable codes of every refusal that is not a domain rejection, with the status each maps
 * to. Clients branch on these names; never rename one. Domain codes ({@code Rejection}) map
 * through {@link RejectionStatus}.
 */
public enum ProblemCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST),
    WRONG_TYPE(HttpStatus.BAD_REQUEST),
    BAD_TIMESTAMP(HttpStatus.BAD_REQUEST),
    BAD_ENUM_VALUE(HttpStatus.BAD_REQUEST),
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    INCIDENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    INCIDENT_EXISTS(HttpStatus.CONFLICT),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_IN_FLIGHT(HttpStatus.CONFLICT),
    /** The request cannot be carried out in the engine's current state, e.g. a rebuild while another node holds the model. */
    CONFLICT(HttpStatus.CONFLICT),
    VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code for a status that has no more specific one, e.g. an error the servlet container raised. */
    static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }

    static boolean isCode(String name) {
        for (var code : values()) {
            if (code.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
