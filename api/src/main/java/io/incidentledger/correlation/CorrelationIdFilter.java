package io.incidentledger.correlation;

import java.io.IOException;

import io.incidentledger.problems.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Runs first, so that every answer (a 401 from security or a 413 from the body limit included)
 * carries the correlation id and every log line of the request names it.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String MDC_KEY = "correlationId";

    private final HandlerExceptionResolver problems;

    CorrelationIdFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var given = request.getHeader(CorrelationId.HEADER);
        var valid = given == null || CorrelationId.isValid(given);
        var id = given != null && valid ? given : CorrelationId.generate();
        request.setAttribute(CorrelationId.ATTRIBUTE, id);
        response.setHeader(CorrelationId.HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            if (valid) {
                chain.doFilter(request, response);
            } else {
                problems.resolveException(request, response, null, Refusal.invalid(CorrelationId.HEADER,
                        "must be 1 to 64 letters, digits, '.', '_', ':' or '-'"));
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
