package io.incidentledger.welcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to look once the engine is ready, so a first run ends with links, not a log wall. */
@Component
class WelcomeBanner {

    private static final Logger log = LoggerFactory.getLogger(WelcomeBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        var base = "http://localhost:" + web.getWebServer().getPort();
        log.info("""

                Incident Ledger is ready.
                  Status page (public)     {}/status
                  Live board (responders)  {}/board
                  API documentation        {}/swagger-ui.html
                  Atom feed (public)       {}/feed.atom
                  Health                   {}/actuator/health
                """, base, base, base, base, base);
    }
}
