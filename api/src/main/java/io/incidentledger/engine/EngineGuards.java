package io.incidentledger.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start an engine that would silently lose the guarantees the product rests on:
 * tokens stored beside the read models, Jackson everywhere, real transactions, and Axon Server
 * only where the axonserver profile asks for it. Each failure names the fix.
 */
@Component
class EngineGuards implements SmartInitializingSingleton {

    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final Serializer messageSerializer;
    private final TransactionManager transactionManager;
    private final Environment environment;
    private final boolean axonServerEnabled;

    EngineGuards(TokenStore tokenStore, Serializer serializer,
                 @Qualifier("eventSerializer") Serializer eventSerializer,
                 @Qualifier("messageSerializer") Serializer messageSerializer,
                 TransactionManager transactionManager, Environment environment,
                 @Value("${axon.axonserver.enabled:true}") boolean axonServerEnabled) {
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.messageSerializer = messageSerializer;
        this.transactionManager = transactionManager;
        this.environment = environment;
        this.axonServerEnabled = axonServerEnabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Incident Ledger refuses to start:\n - " + String.join("\n - ", problems));
        }
    }

    List<String> problems() {
        var problems = new ArrayList<String>();
        if (!(tokenStore instanceof JdbcTokenStore)) {
            problems.add("the token store is " + tokenStore.getClass().getSimpleName()
                    + ", not the database token store: read models and their tokens must commit together");
        }
        for (var s : List.of(serializer, eventSerializer, messageSerializer)) {
            if (!(s instanceof Jackson3Serializer)) {
                problems.add("a serializer is " + s.getClass().getSimpleName()
                        + ", not Jackson3Serializer: set axon.serializer.general/events/messages to jackson3");
            }
        }
        if (transactionManager instanceof NoTransactionManager) {
            problems.add("Axon has no transaction manager: events, tokens and views would not commit atomically");
        }
        boolean axonServerProfile = Arrays.asList(environment.getActiveProfiles()).contains("axonserver");
        if (axonServerEnabled && !axonServerProfile) {
            problems.add("Axon Server is enabled but the axonserver profile is not active: "
                    + "set axon.axonserver.enabled=false or activate the axonserver profile");
        }
        if (!axonServerEnabled && axonServerProfile) {
            problems.add("the axonserver profile is active but axon.axonserver.enabled is false");
        }
        return problems;
    }
}
