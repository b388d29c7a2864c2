package io.incidentledger.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured API keys, checked once at start-up and compared in constant time on every
 * request. Development keys (values starting with {@value #DEVELOPMENT_PREFIX}) run only without a
 * profile or under a development profile; anything else refuses to start with them.
 */
final class ApiKeys {

    static final String DEVELOPMENT_PREFIX = "dev-";
    static final int PRODUCTION_MIN_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern KEY = Pattern.compile("[!-~]{8,200}");

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * One configured key: who it stands for, the digest of its value, its roles (implied ones
     * included). Only a development key keeps its value, which is public anyway, to be listed.
     */
    record ApiKey(String name, byte[] digest, Set<Role> roles, String developmentValue, boolean shortKey) {

        boolean development() {
            return developmentValue != null;
        }
    }

    static ApiKeys from(ApiKeyProperties properties, List<String> activeProfiles) {
        var keys = new ArrayList<ApiKey>();
        for (var entry : parse(properties.apiKeys())) {
            keys.add(entry);
        }
        for (var key : properties.keys()) {
            keys.add(checked(key.name(), key.key(), key.roles() == null ? Set.of() : key.roles()));
        }
        requireUnique(keys);
        var developmentAllowed = activeProfiles.stream().allMatch(properties.developmentProfiles()::contains);
        if (!developmentAllowed) {
            requireProductionKeys(keys, activeProfiles);
        }
        return new ApiKeys(keys);
    }

    /** The key whose value matches, comparing against every key so the time taken says nothing. */
    Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.length() > 200) {
            return Optional.empty();
        }
        var digest = digest(presented);
        ApiKey match = null;
        for (var key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    List<ApiKey> all() {
        return keys;
    }

    boolean anyDevelopmentKey() {
        return keys.stream().anyMatch(ApiKey::development);
    }

    private static List<ApiKey> parse(String compact) {
        var keys = new ArrayList<ApiKey>();
        for (var entry : compact.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            var parts = entry.strip().split(":", -1);
            if (parts.length != 3) {
                throw new IllegalStateException("An API key entry must read name:key:ROLE[,ROLE]; got one with "
                        + parts.length + " part(s) (entries are separated by ';').");
            }
            var roles = new HashSet<Role>();
            for (var role : parts[2].split(",")) {
                roles.add(role(parts[0], role.strip()));
            }
            keys.add(checked(parts[0].strip(), parts[1].strip(), roles));
        }
        return keys;
    }

    private static Role role(String name, String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("API key '" + name + "' has an unknown role (roles: "
                    + Arrays.toString(Role.values()) + ").");
        }
    }

    private static ApiKey checked(String name, String key, Set<Role> roles) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException("An API key name must be 1 to 100 letters, digits, '.', '_', '@' or '-'.");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalStateException("API key '" + name
                    + "' must be 8 to 200 printable ASCII characters without spaces.");
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("API key '" + name + "' has no role.");
        }
        var included = EnumSet.noneOf(Role.class);
        roles.forEach(role -> included.addAll(role.included()));
        return new ApiKey(name, digest(key), included, key.startsWith(DEVELOPMENT_PREFIX) ? key : null,
                key.length() < PRODUCTION_MIN_LENGTH);
    }

    private static void requireUnique(List<ApiKey> keys) {
        var names = new HashSet<String>();
        for (int i = 0; i < keys.size(); i++) {
            if (!names.add(keys.get(i).name())) {
                throw new IllegalStateException("API key name '" + keys.get(i).name() + "' is configured twice.");
            }
            for (int j = 0; j < i; j++) {
                if (MessageDigest.isEqual(keys.get(i).digest(), keys.get(j).digest())) {
                    throw new IllegalStateException("API keys '" + keys.get(j).name() + "' and '"
                            + keys.get(i).name() + "' have the same value.");
                }
            }
        }
    }

    private static void requireProductionKeys(List<ApiKey> keys, List<String> activeProfiles) {
        var development = keys.stream().filter(ApiKey::development).map(ApiKey::name).toList();
        if (!development.isEmpty()) {
            throw new IllegalStateException("Development API keys " + development + " are configured, but profile(s) "
                    + activeProfiles + " are active, and they refuse the public development keys. Set "
                    + "INCIDENT_LEDGER_API_KEYS to your own keys, as name:key:ROLE[,ROLE];... with keys of at least "
                    + PRODUCTION_MIN_LENGTH + " characters that do not start with '" + DEVELOPMENT_PREFIX + "'.");
        }
        var tooShort = keys.stream().filter(ApiKey::shortKey).map(ApiKey::name).toList();
        if (!tooShort.isEmpty()) {
            throw new IllegalStateException("API keys " + tooShort + " are shorter than " + PRODUCTION_MIN_LENGTH
                    + " characters, which profile(s) " + activeProfiles + " do not accept.");
        }
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String describe(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
