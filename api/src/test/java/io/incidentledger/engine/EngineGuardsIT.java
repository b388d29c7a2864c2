package io.incidentledger.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentledger.IncidentLedgerApplication;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The whole application refuses to start, naming the fix, when its configuration would silently
 * drop a guarantee: Jackson for every serializer, tokens in the database beside the read models.
 * (Axon Server enabled without its profile: see AxonServerProfileIT.)
 */
class EngineGuardsIT {

    @ParameterizedTest(name = "axon.serializer.{0}={1}")
    @CsvSource({
            "general,  jackson, JacksonSerializer",
            "events,   xstream, XStreamSerializer",
            "messages, java,    JavaSerializer"})
    void refusesToStartWithASerializerOtherThanJackson(String which, String type, String serializer) {
        var application = application();

        assertThatThrownBy(() -> application.run("--axon.serializer." + which + "=" + type))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Incident Ledger refuses to start")
                .hasMessageContaining("a serializer is " + serializer + ", not Jackson3Serializer: "
                        + "set axon.serializer.general/events/messages to jackson3");
    }

    @Test
    void refusesToStartWithATokenStoreOutsideTheDatabase() {
        // A registered bean, not an added post-processor: it must run after the configuration
        // classes have defined the real token store.
        var application = application().initializers(context ->
                ((GenericApplicationContext) context).registerBean(TokensInMemory.class));

        assertThatThrownBy(() -> application.run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Incident Ledger refuses to start")
                .hasMessageContaining("the token store is InMemoryTokenStore, not the database token store: "
                        + "read models and their tokens must commit together");
    }

    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IncidentLedgerApplication.class).web(WebApplicationType.NONE);
    }

    /** What a well-meant "faster tests" configuration would do: swap the token store bean. */
    static class TokensInMemory implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            registry.removeBeanDefinition("tokenStore");
            registry.registerBeanDefinition("tokenStore", new RootBeanDefinition(InMemoryTokenStore.class));
        }
    }
}
