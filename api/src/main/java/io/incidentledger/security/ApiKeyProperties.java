package io.incidentledger.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys as configured. Two forms, merged: the compact {@code api-keys} string, meant for one
 * environment variable ({@code INCIDENT_LEDGER_API_KEYS="name:key:ROLE[,ROLE];..."}), and the
 * structured {@code keys} list for YAML ({@code keys[0].name}, {@code keys[0].key},
 * {@code keys[0].roles}).
 *
 * @param developmentProfiles the profiles under which development keys ({@code dev-...}) may
 *                            run; with no active profile they always may
 */
@ConfigurationProperties("incident-ledger.security")
record ApiKeyProperties(String apiKeys, List<Key> keys, List<String> developmentProfiles) {

    ApiKeyProperties {
        apiKeys = apiKeys == null ? "" : apiKeys;
        keys = keys == null ? List.of() : List.copyOf(keys);
        developmentProfiles = developmentProfiles == null ? List.of("dev") : List.copyOf(developmentProfiles);
    }

    record Key(String name, String key, Set<Role> roles) {
    }
}
