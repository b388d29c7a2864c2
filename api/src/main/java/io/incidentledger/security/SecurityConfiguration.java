package io.incidentledger.security;

import java.util.Arrays;
import java.util.Map;

import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may do what. Stateless API-key authentication, no sessions, no CSRF (no cookie ever
 * authenticates a request), and every 401 and 403 is a problem detail.
 *
 * <ul>
 *   <li>public: GET of {@code /status/**}, {@code /feed/**}, {@code /api/public/**}, health, the OpenAPI document and UI</li>
 *   <li>VIEWER: other reads under {@code /api/**}</li>
 *   <li>AUDITOR: reads under {@code /api/audit/**} and {@code /api/exports/**}</li>
 *   <li>RESPONDER: every write under {@code /api/**}</li>
 *   <li>ADMIN: {@code /api/admin/**}, the other actuator endpoints, and everything above</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
// HTTP only: the command-line tools run the engine without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
class SecurityConfiguration {

    private static final String[] PUBLIC_READS = {
        "/", "/index.html", "/status", "/status/**", "/status.css", "/feed.atom", "/api/public/**", "/favicon.ico",
        // the live board's page holds no data: it asks for a key and sends it as a header
        "/board", "/board.html",
        "/actuator/health", "/actuator/health/**",
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"
    };

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties, Environment environment) {
        return ApiKeys.from(properties, Arrays.asList(environment.getActiveProfiles()));
    }

    @Bean
    DevelopmentKeyWarning developmentKeyWarning(ApiKeys keys) {
        return new DevelopmentKeyWarning(keys);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
            throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated(problems))
                        .accessDeniedHandler(forbidden(problems)))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        // An async dispatch finishes a request already authorized (the board's event
                        // stream when its client leaves); stateless, it carries no authentication to check.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/audit/**", "/api/exports/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.RESPONDER.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The default firewall, also refusing control characters in parameter values: PostgreSQL cannot
     * hold a NUL in text, and a board filter of {@code service=%00} answered 500 there
     * (reliability/HostileRequestsIT). The refusal surfaces when a parameter is first read, as a 400.
     */
    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.codePoints().noneMatch(Character::isISOControl));
        return firewall;
    }

    /** Requests the firewall refuses (encoded slashes, "..", and the like) get a problem detail too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return (request, response, rejected) -> problems.resolveException(request, response, null,
                new Refusal(ProblemCode.BAD_REQUEST, "The request address is not acceptable."));
    }

    private static AuthenticationEntryPoint unauthenticated(HandlerExceptionResolver problems) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"incident-ledger\"");
            var detail = request.getAttribute(ApiKeyAuthenticationFilter.INVALID_KEY) != null
                    ? "The API key is not valid."
                    : "This request needs an API key, in the " + ApiKeyAuthenticationFilter.HEADER
                            + " header or as Authorization: Bearer <key>.";
            problems.resolveException(request, response, null, new Refusal(ProblemCode.UNAUTHENTICATED, detail));
        };
    }

    private static AccessDeniedHandler forbidden(HandlerExceptionResolver problems) {
        return (request, response, exception) -> {
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            var roles = authentication == null ? java.util.List.<String>of()
                    : ApiKeyAuthenticationFilter.roleNames(authentication);
            problems.resolveException(request, response, null, new Refusal(ProblemCode.FORBIDDEN,
                    "This API key's roles do not allow this request.", Map.of("roles", roles)));
        };
    }
}
