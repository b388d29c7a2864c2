package io.incidentledger.incidents;

import java.util.regex.Pattern;

import io.incidentledger.correlation.CorrelationId;
import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks the headers of a write: Idempotency-Key and If-Match. */
class WriteResolver implements HandlerMethodArgumentResolver {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:+/=~-]{1,100}");
    private static final Pattern STRONG_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private final JsonMapper json;

    WriteResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Write.class.equals(parameter.getParameterType());
    }

    @Override
    public Write resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                 NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        var request = webRequest.getNativeRequest(HttpServletRequest.class);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new Refusal(ProblemCode.UNAUTHENTICATED, "A write needs an API key.");
        }
        var correlationId = CorrelationId.of(request).orElseThrow();
        return new Write(request, json, authentication.getName(), correlationId, idempotencyKey(request),
                expectedVersion(request));
    }

    /** Quotes are allowed around the key (the IETF draft sends it as a structured-field string). */
    private static String idempotencyKey(HttpServletRequest request) {
        var key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw Refusal.invalid(IDEMPOTENCY_KEY, "must be 1 to 100 letters, digits or . _ : + / = ~ -");
        }
        return key;
    }

    /** One strong entity tag, the incident's version as the ETag gave it, or "*" for any version. */
    private static Long expectedVersion(HttpServletRequest request) {
        var ifMatch = request.getHeader("If-Match");
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        var matcher = STRONG_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw Refusal.invalid("If-Match", "must be one version as the ETag gave it, e.g. \"3\", or *");
        }
        return Long.parseLong(matcher.group(1));
    }
}
