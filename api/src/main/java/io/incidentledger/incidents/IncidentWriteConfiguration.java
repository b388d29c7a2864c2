package io.incidentledger.incidents;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.incidentledger.incident.Incident;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncidentWriteConfiguration implements WebMvcConfigurer {

    static {
        // The Write argument is resolved from headers, not the query string; the OpenAPI document
        // describes those headers itself (OpenApiConfiguration).
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Write.class);
    }

    private final JsonMapper json;

    IncidentWriteConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WriteResolver(json));
    }

    /** Keys are kept a day (configurable): long enough for any client's retries, short enough to stay small. */
    @Bean
    IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc,
                                    @Value("${incident-ledger.idempotency.retention:PT24H}") Duration retention) {
        return new IdempotencyKeys(jdbc, Clock.systemUTC(), retention);
    }

    /** Picked up by Axon's auto-configuration and registered on the command bus. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> incidentWriteInterceptor(
            ObjectProvider<org.axonframework.config.Configuration> axon, IdempotencyKeys idempotencyKeys) {
        // Looked up lazily: the Axon configuration itself depends on the command bus this joins.
        return new IncidentWriteInterceptor(() -> axon.getObject().repository(Incident.class),
                () -> axon.getObject().eventStore(), idempotencyKeys);
    }
}
