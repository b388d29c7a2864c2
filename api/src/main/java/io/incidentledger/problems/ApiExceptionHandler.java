package io.incidentledger.problems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem detail with a stable {@code code}: Spring MVC's
 * own exceptions (through the base class), unreadable bodies, invalid fields, domain rejections,
 * and a catch-all that logs the stack trace but never sends it.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleAny(Exception thrown, HttpServletRequest request) {
        var failure = Failure.of(thrown);
        if (!failure.isClientError()) {
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), thrown);
        }
        return respond(failure, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Failure.FieldError>();
        invalid.getBindingResult().getFieldErrors()
                .forEach(e -> errors.add(new Failure.FieldError(e.getField(), message(e.getDefaultMessage()))));
        invalid.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new Failure.FieldError(e.getObjectName(), message(e.getDefaultMessage()))));
        return respond(Failure.invalid(sorted(errors)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<Failure.FieldError>();
        invalid.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(e ->
                        errors.add(new Failure.FieldError(e.getField(), message(e.getDefaultMessage()))));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(new Failure.FieldError(
                        result.getMethodParameter().getParameterName(), message(e.getDefaultMessage()))));
            }
        });
        return respond(Failure.invalid(sorted(errors)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(UnreadableBody.decode(unreadable), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(ParameterMismatch.decode(mismatch), headers, request);
    }

    /** Every other exception Spring MVC raises itself: keep its status and detail, add the code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception thrown, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        var code = codeOf(thrown, statusCode.value());
        if (statusCode.is5xxServerError()) {
            log.error("Request failed inside Spring MVC", thrown);
            return respond(Failure.of(code, "The server failed to process the request; nothing was recorded."),
                    headers, request);
        }
        var detail = code == ProblemCode.NOT_FOUND ? "Nothing exists at this address."
                : body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                : thrown.getMessage();
        return respond(new Failure(code.status(), code.name(), detail, Map.of()), headers, request);
    }

    private static ProblemCode codeOf(Exception thrown, int status) {
        if (thrown instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCode.METHOD_NOT_ALLOWED;
        }
        if (thrown instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (thrown instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemCode.NOT_ACCEPTABLE;
        }
        if (thrown instanceof NoResourceFoundException || thrown instanceof NoHandlerFoundException) {
            return ProblemCode.NOT_FOUND;
        }
        if (thrown instanceof ServletRequestBindingException) {
            return ProblemCode.VALIDATION_FAILED;
        }
        return ProblemCode.forStatus(status);
    }

    private ResponseEntity<Object> respond(Failure failure, HttpHeaders headers, WebRequest request) {
        var servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return respond(failure, headers, servletRequest);
    }

    static ResponseEntity<Object> respond(Failure failure, HttpHeaders headers, HttpServletRequest request) {
        return ResponseEntity.status(failure.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(failure, request));
    }

    private static String message(String message) {
        return message == null ? "is not valid" : message;
    }

    private static List<Failure.FieldError> sorted(List<Failure.FieldError> errors) {
        return errors.stream().sorted(Comparator.comparing(Failure.FieldError::field)
                .thenComparing(Failure.FieldError::message)).toList();
    }
}
