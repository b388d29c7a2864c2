package io.incidentledger.problems;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container, or a filter that sent an error
 * status) end here instead of in Boot's default error page, so they are problem details too.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        var thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Failure failure;
        if (thrown instanceof Throwable throwable) {
            failure = Failure.of(throwable);
        } else {
            var code = ProblemCode.forStatus(status);
            var resolved = HttpStatus.resolve(status);
            failure = new Failure(resolved == null ? code.status() : resolved, code.name(), describe(status), Map.of());
        }
        return ApiExceptionHandler.respond(failure, new HttpHeaders(), request);
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "Nothing exists at this address.";
            case 405 -> "This address does not take this method.";
            default -> status >= 500 ? "The server failed to process the request; nothing was recorded."
                    : "The request was refused.";
        };
    }
}
