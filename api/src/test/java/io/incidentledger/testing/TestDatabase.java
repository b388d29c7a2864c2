package io.incidentledger.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring application context a database of its own, so test runs never see each
 * other's data. The suite runs twice: on H2 (in memory) and, when the system property
 * {@code test.database} is {@code postgres}, on a freshly created PostgreSQL database at
 * {@code test.postgres.url} (default 127.0.0.1:5432), dropped by the next test JVM. H2's own
 * shutdown hook is turned off ({@code DB_CLOSE_ON_EXIT=FALSE}) for the same reason: it closed the
 * databases under the contexts Spring was still closing.
 *
 * <p>Tests do not set spring.datasource.url themselves, except as a command-line argument of an
 * application they start on purpose against an existing database (a second node).
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    static final String ADMIN_URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = System.getProperty("test.postgres.user", "postgres");

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.database"));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var commandLine = environment.getPropertySources().get("commandLineArgs");
        if (commandLine != null && commandLine.containsProperty("spring.datasource.url")) {
            // A second node started by a test, pointed at the first node's database on purpose.
            return;
        }
        var name = "il_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> properties = postgres()
                ? Map.of("spring.datasource.url", createPostgresDatabase(name),
                        "spring.datasource.username", USER,
                        "spring.datasource.password", "")
                : Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    /**
     * Creates a database for this test JVM and returns its URL. It is dropped by a later test JVM
     * ({@link #dropLeftovers}), not by a shutdown hook of this one: the JVM runs its hooks at once,
     * and Spring's, still closing the cached contexts, then found their database gone and waited
     * 30 s for a connection (Surefire killed the fork: "30 seconds after System.exit").
     */
    public static String createPostgresDatabase(String name) {
        dropLeftovers();
        var database = name + "_p" + ProcessHandle.current().pid();
        execute("CREATE DATABASE " + database);
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
    }

    /** Drops, once per JVM, the databases of test JVMs that have ended (named {@code il_..._p<pid>}). */
    private static void dropLeftovers() {
        if (!SWEPT.compareAndSet(false, true)) {
            return;
        }
        var leftovers = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             var rows = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname ~ '^il_[a-z0-9_]+_p[0-9]+$'")) {
            while (rows.next()) {
                var database = rows.getString(1);
                long pid = Long.parseLong(database.substring(database.lastIndexOf("_p") + 2));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // a test JVM still running, or a process that reused the id: left for later
                }
                leftovers.add(database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for the postgres test pass "
                    + "(.ci/run starts it): " + e.getMessage(), e);
        }
        leftovers.forEach(database -> execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for the postgres test pass "
                    + "(.ci/run starts it): " + e.getMessage(), e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
