package io.incidentledger.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring application context a database of its own, so test runs never see each
 * other's data. The suite runs twice: on H2 (in memory) and, when the system property
 * {@code test.database} is {@code postgres}, on a freshly created PostgreSQL database at
 * {@code test.postgres.url} (default 127.0.0.1:5432), dropped when the JVM exits.
 *
 * <p>Tests do not set spring.datasource.url themselves, except as a command-line argument of an
 * application they start on purpose against an existing database (a second node).
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

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
                : Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    /** Creates a database and returns its URL; it is dropped when the test JVM exits. */
    public static String createPostgresDatabase(String name) {
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
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
