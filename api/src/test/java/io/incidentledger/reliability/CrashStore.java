package io.incidentledger.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.incidentledger.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The store a crash test runs the engine on, configured the way an operator would: on H2, the
 * embedded default's own JDBC URL (read from application.yml) pointed at a file in a temporary
 * folder; on PostgreSQL (the postgres test pass), a fresh database and the postgres profile.
 * Either way with API keys of its own, never the development ones.
 */
final class CrashStore {

    static final String RESPONDER_NAME = "crash-responder";
    /** Every event in the store must belong to a command the test sent. */
    static final String SAMPLES_OFF = "--incident-ledger.samples.enabled=false";
    private static final Pattern EMBEDDED_URL = Pattern.compile("INCIDENT_LEDGER_DB_URL:(jdbc:h2:file:)([^;}]+)([^}]*)}");

    private final Path folder;
    private final String url;
    private final boolean postgres;
    private final String responderKey = "rk-" + UUID.randomUUID();
    private int snapshots;

    private CrashStore(Path folder, String url, boolean postgres) {
        this.folder = folder;
        this.url = url;
        this.postgres = postgres;
    }

    static CrashStore fresh(Path folder) {
        if (TestDatabase.postgres()) {
            var name = "il_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return new CrashStore(folder, TestDatabase.createPostgresDatabase(name), true);
        }
        var embedded = EMBEDDED_URL.matcher(applicationYml());
        if (!embedded.find()) {
            throw new IllegalStateException("application.yml no longer has an embedded H2 default URL");
        }
        var file = folder.resolve("incident-ledger").toAbsolutePath();
        return new CrashStore(folder, embedded.group(1) + file + embedded.group(3), false);
    }

    String name() {
        return postgres ? "PostgreSQL" : "H2 file";
    }

    String responderKey() {
        return responderKey;
    }

    /**
     * How an operator configures the engine: environment variables. (The sample incidents stay
     * out through an argument, {@link #SAMPLES_OFF}: the embedded default always loads them.)
     */
    Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("INCIDENT_LEDGER_DB_URL", url);
        env.put("INCIDENT_LEDGER_API_KEYS", apiKeys());
        if (postgres) {
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("INCIDENT_LEDGER_DB_USER", user());
        }
        return env;
    }

    /** The same configuration as command-line arguments, for an engine started inside the test JVM. */
    List<String> arguments() {
        var args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--incident-ledger.security.api-keys=" + apiKeys(), SAMPLES_OFF));
        if (postgres) {
            args.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.username=" + user(),
                    "--spring.datasource.password="));
        }
        return args;
    }

    /**
     * The store as the crash left it, opened while no engine runs. H2 is read from a copy of the
     * file, so the engine's own restart is what recovers the original; PostgreSQL is read directly.
     */
    Opened openCrashed() {
        if (postgres) {
            return new Opened(new SingleConnectionDataSource(url, user(), "", true));
        }
        var copy = folder.resolve("crashed-" + (++snapshots));
        try {
            Files.createDirectories(copy);
            try (var files = Files.list(folder)) {
                for (var file : files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var copyUrl = "jdbc:h2:file:" + copy.resolve("incident-ledger").toAbsolutePath();
        return new Opened(new SingleConnectionDataSource(copyUrl, "sa", "", true));
    }

    private String apiKeys() {
        return RESPONDER_NAME + ":" + responderKey + ":RESPONDER";
    }

    private static String user() {
        return System.getProperty("test.postgres.user", "postgres");
    }

    private static String applicationYml() {
        try (InputStream in = CrashStore.class.getResourceAsStream("/application.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One connection to the store, closed (and H2's file released) when done. */
    record Opened(SingleConnectionDataSource dataSource) implements AutoCloseable {

        JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource);
        }

        @Override
        public void close() {
            dataSource.destroy();
        }
    }
}
