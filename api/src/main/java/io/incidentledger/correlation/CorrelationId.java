package io.incidentledger.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The id that ties a request to its log lines, its problem detail and the events it caused.
 * Taken from the {@value #HEADER} header when the client sends a safe one, generated otherwise,
 * and echoed on every response.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = CorrelationId.class.getName();
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }

    static boolean isValid(String value) {
        return FORMAT.matcher(value).matches();
    }
}
