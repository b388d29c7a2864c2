package io.incidentledger.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by the API key in {@value #HEADER} or in {@code Authorization: Bearer}.
 * A key that matches nothing leaves the request anonymous, marked, so public pages still work and
 * a protected one answers 401 saying the key was not recognised.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String INVALID_KEY = ApiKeyAuthenticationFilter.class.getName() + ".invalid";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var presented = presentedKey(request);
        if (presented != null) {
            var key = keys.authenticate(presented);
            if (key.isPresent()) {
                var authorities = key.get().roles().stream().map(Role::authority).toList();
                var authentication = new PreAuthenticatedAuthenticationToken(key.get().name(), "n/a", authorities);
                var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
            } else {
                request.setAttribute(INVALID_KEY, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        var header = request.getHeader(HEADER);
        if (header != null) {
            return header.strip();
        }
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    static List<String> roleNames(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .sorted().toList();
    }
}
