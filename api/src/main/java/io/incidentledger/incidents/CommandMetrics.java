package io.incidentledger.incidents;

import io.incidentledger.problems.Failure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters fed by Axon's message monitors, which see every command's final result
 * (after commit or rollback) and every event once it is stored:
 * {@code incidentledger.commands} (timer; tags command, outcome = success | rejected:CODE | error)
 * and {@code incidentledger.events.appended} (counter; tag event).
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    static final String COMMANDS = "incidentledger.commands";
    static final String EVENTS = "incidentledger.events.appended";

    @Bean
    ConfigurerModule commandAndEventMeters(MeterRegistry registry) {
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class, (config, type, name) -> commandTimer(registry))
                .configureMessageMonitor(EventStore.class, (config, type, name) -> eventCounter(registry));
    }

    private static MessageMonitor<Message<?>> commandTimer(MeterRegistry registry) {
        return message -> {
            var command = message.getPayloadType().getSimpleName();
            var sample = Timer.start(registry);
            return new MessageMonitor.MonitorCallback() {
                @Override
                public void reportSuccess() {
                    stop("success");
                }

                @Override
                public void reportFailure(Throwable cause) {
                    var failure = Failure.of(cause);
                    stop(failure.isClientError() ? "rejected:" + failure.code() : "error");
                }

                @Override
                public void reportIgnored() {
                    stop("ignored");
                }

                private void stop(String outcome) {
                    sample.stop(Timer.builder(COMMANDS)
                            .description("Commands handled, by type and outcome")
                            .tag("command", command).tag("outcome", outcome)
                            .register(registry));
                }
            };
        };
    }

    private static MessageMonitor<Message<?>> eventCounter(MeterRegistry registry) {
        return message -> {
            var event = message.getPayloadType().getSimpleName();
            return new MessageMonitor.MonitorCallback() {
                @Override
                public void reportSuccess() {
                    Counter.builder(EVENTS).description("Events stored, by type").tag("event", event)
                            .register(registry).increment();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    // not stored: nothing to count
                }

                @Override
                public void reportIgnored() {
                    // not stored: nothing to count
                }
            };
        };
    }
}
