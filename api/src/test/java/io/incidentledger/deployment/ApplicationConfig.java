package io.incidentledger.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The application's configuration as a combination of profiles sees it: application.yml, then
 * application-{profile}.yml for each profile in order, later files overriding earlier ones, the
 * way Spring Boot layers them.
 */
record ApplicationConfig(Map<String, String> properties) {

    /** {@code ${NAME}} or {@code ${NAME:fallback}}; the fallback may hold colons (localhost:8124). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    /** A value the application takes from the environment: the variable, the property it sets, its fallback. */
    record Placeholder(String variable, String property, String fallback) {
    }

    static ApplicationConfig forProfiles(List<String> profiles) {
        var properties = new LinkedHashMap<String, String>();
        flatten("", load("application.yml"), properties);
        for (var profile : profiles) {
            flatten("", load("application-" + profile + ".yml"), properties);
        }
        return new ApplicationConfig(properties);
    }

    static boolean hasProfile(String profile) {
        return Files.exists(ProjectFiles.RESOURCES.resolve("application-" + profile + ".yml"));
    }

    /** Every environment variable any of the application's yml files reads. */
    static List<Placeholder> allPlaceholders() {
        try (var files = Files.list(ProjectFiles.RESOURCES)) {
            var all = new ArrayList<Placeholder>();
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("application") && name.endsWith(".yml"))
                    .forEach(name -> {
                        var properties = new LinkedHashMap<String, String>();
                        flatten("", load(name), properties);
                        all.addAll(new ApplicationConfig(properties).placeholders());
                    });
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Placeholder> placeholders() {
        var placeholders = new ArrayList<Placeholder>();
        properties.forEach((property, value) -> {
            var matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                placeholders.add(new Placeholder(matcher.group(1), property, matcher.group(2)));
            }
        });
        return placeholders;
    }

    String get(String property, String fallback) {
        var value = properties.get(property);
        if (value == null) {
            return fallback;
        }
        var matcher = PLACEHOLDER.matcher(value);
        return matcher.matches() && matcher.group(2) != null ? matcher.group(2) : value;
    }

    private static Map<String, Object> load(String name) {
        var file = ProjectFiles.RESOURCES.resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + ": a profile the deployment activates has no configuration");
        }
        Map<String, Object> yaml = new Yaml().load(ProjectFiles.read(file));
        return yaml == null ? Map.of() : yaml;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }
}
