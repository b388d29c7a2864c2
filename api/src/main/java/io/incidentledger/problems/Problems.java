package io.incidentledger.problems;

import java.net.URI;

import io.incidentledger.correlation.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

/** The one shape of every problem detail this API sends. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail detail(Failure failure, HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.detail());
        problem.setProperty("code", failure.code());
        failure.properties().forEach(problem::setProperty);
        if (request != null) {
            CorrelationId.of(request).ifPresent(id -> problem.setProperty("correlationId", id));
            problem.setInstance(instance(request));
        }
        return problem;
    }

    /** The path the problem is about; a path that is not a valid URI is not worth repeating. */
    private static URI instance(HttpServletRequest request) {
        var original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        var path = original instanceof String uri ? uri : request.getRequestURI();
        try {
            return path == null || path.length() > 512 ? null : URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
