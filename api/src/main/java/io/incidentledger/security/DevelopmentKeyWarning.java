package io.incidentledger.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Says loudly, once the application is up, that it accepts the public development keys, and
 * lists them, so nobody mistakes a development instance for a protected one.
 */
class DevelopmentKeyWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeyWarning.class);

    private final ApiKeys keys;

    DevelopmentKeyWarning(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!keys.anyDevelopmentKey()) {
            return;
        }
        var message = new StringBuilder()
                .append("\n**************************************************************************\n")
                .append("*  DEVELOPMENT API KEYS ARE ACTIVE. Anyone who reads the README can use   *\n")
                .append("*  them: never expose this instance. Name, key (header X-API-Key), roles: *\n");
        for (var key : keys.all()) {
            if (key.development()) {
                message.append(String.format("*    %-16s %-20s %s%n", key.name(), key.developmentValue(),
                        ApiKeys.describe(key.roles())));
            }
        }
        message.append("*  Set INCIDENT_LEDGER_API_KEYS=\"name:key:ROLE[,ROLE];...\" to use your own. *\n")
                .append("**************************************************************************");
        log.warn(message.toString());
    }
}
