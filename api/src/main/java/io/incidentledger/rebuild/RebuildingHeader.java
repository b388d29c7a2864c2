package io.incidentledger.rebuild;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells readers of a read model that is rebuilding that its answers are incomplete for now:
 * {@value #HEADER} names the rebuilding model(s) the request reads. Reads with {@code asOf} are
 * reconstructed from the event store, not read from a model, and get no header.
 */
@Component
class RebuildingHeader extends OncePerRequestFilter {

    static final String HEADER = "X-Read-Model-Rebuilding";

    /** Which paths read which model; a new read endpoint belongs here too. */
    private static final Map<String, List<String>> READS = Map.of(
            "live-status", List.of("/api/incidents", "/api/incidents/stream", "/api/incidents/*"),
            "customer-timeline", List.of("/status", "/status/**", "/feed.atom", "/api/public/**"),
            "postmortem", List.of("/api/incidents/*/postmortem", "/api/incidents/*/postmortem.*",
                    "/api/postmortems", "/api/postmortems/**"),
            "analytics", List.of("/api/analytics", "/api/analytics/**", "/api/incidents/*/metrics"));

    private final Rebuilds rebuilds;
    private final AntPathMatcher paths = new AntPathMatcher();

    RebuildingHeader(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("asOf") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var rebuilding = rebuilds.rebuilding();
        if (!rebuilding.isEmpty()) {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            var read = new TreeSet<String>();
            READS.forEach((model, patterns) -> {
                if (rebuilding.contains(model) && patterns.stream().anyMatch(p -> paths.match(p, path))) {
                    read.add(model);
                }
            });
            if (!read.isEmpty()) {
                response.setHeader(HEADER, String.join(", ", read));
            }
        }
        chain.doFilter(request, response);
    }
}
