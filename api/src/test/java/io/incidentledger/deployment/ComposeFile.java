package io.incidentledger.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** A compose file as Docker Compose reads it (anchors and merge keys included), for the parts we check. */
record ComposeFile(Path file, Map<String, Object> root) {

    /** Compose's own interpolation: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");

    static ComposeFile read(String name) {
        var file = ProjectFiles.ROOT.resolve("docker").resolve(name);
        Map<String, Object> root = new Yaml().load(ProjectFiles.read(file));
        return new ComposeFile(file, root);
    }

    Set<String> services() {
        return map(root, "services").keySet();
    }

    /** The services built from this checkout: the engine nodes. */
    List<String> engines() {
        return services().stream().filter(service -> service(service).containsKey("build")).toList();
    }

    Map<String, Object> service(String name) {
        return map(map(root, "services"), name);
    }

    String image(String service) {
        return String.valueOf(service(service).get("image"));
    }

    Map<String, Object> build(String service) {
        return map(service(service), "build");
    }

    /** The environment as written, compose's {@code ${...}} expressions left in. */
    Map<String, String> rawEnvironment(String service) {
        var environment = new LinkedHashMap<String, String>();
        var raw = service(service).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (raw instanceof List<?> list) {
            list.forEach(entry -> {
                var pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return environment;
    }

    /** The environment as the container sees it when the host sets none of the variables: compose's fallbacks filled in. */
    Map<String, String> environment(String service) {
        var environment = rawEnvironment(service);
        environment.replaceAll((key, value) -> interpolated(value));
        return environment;
    }

    List<String> ports(String service) {
        return strings(service(service).get("ports"));
    }

    List<String> volumes(String service) {
        return strings(service(service).get("volumes"));
    }

    Set<String> declaredVolumes() {
        return map(root, "volumes").keySet();
    }

    Map<String, Object> dependsOn(String service) {
        return map(service(service), "depends_on");
    }

    Map<String, Object> healthcheck(String service) {
        return map(service(service), "healthcheck");
    }

    List<String> profilesOf(String service) {
        return strings(service(service).get("profiles"));
    }

    private static String interpolated(String value) {
        var matcher = INTERPOLATION.matcher(value);
        var result = new StringBuilder();
        while (matcher.find()) {
            var fallback = "-".equals(lastChar(matcher.group(2))) ? matcher.group(3) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String lastChar(String operator) {
        return operator == null ? "" : operator.substring(operator.length() - 1);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        var value = parent.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
