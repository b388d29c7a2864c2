package io.incidentledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A fresh database for one run, created before and dropped after: an H2 file in a temporary
 * directory (the embedded default) or a new PostgreSQL database.
 */
abstract sealed class Store implements AutoCloseable {

    /** Drops the store if the runner is interrupted (Ctrl-C), so no database is left behind. */
    private final Thread dropOnExit = new Thread(this::drop);
    private boolean dropped;

    Store() {
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    abstract void drop();

    @Override
    public final synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException exiting) {
            // already shutting down: the hook drops it
        }
        drop();
    }

    abstract String name();

    /** Where the application's database is: its spring.datasource.url. */
    abstract String appUrl();

    /** Application arguments that select the store (a profile). */
    abstract List<String> appArguments();

    /** A connection for the runner itself: fast bulk writes, and reads while the application runs. */
    abstract Connection connect() throws SQLException;

    /** Waits until the application holds the database, so the runner never becomes its owner (H2). */
    void awaitOpenedBy(AppProcess app) {
    }

    /**
     * CPU time (ms) the database server has spent on this store so far, where it runs as separate
     * processes on this machine (PostgreSQL backends); NaN for an embedded store, whose work is
     * part of the application's own CPU time.
     */
    double serverCpuMillis() {
        return Double.NaN;
    }

    /** The schema where Flyway put the tables, as information_schema spells it. */
    abstract String schema();

    static Store create(String name, Options options) {
        return switch (name) {
            case "h2" -> new H2File();
            case "postgres" -> new Postgres(options.postgresUrl(), options.postgresUser());
            default -> throw new IllegalArgumentException("unknown store " + name + " (h2 or postgres)");
        };
    }

    /**
     * The embedded default: an H2 file. AUTO_SERVER lets the runner read token positions while the
     * application has the file open: the first process to open it (always the application) uses
     * it embedded, exactly as without the flag; later ones reach it over TCP.
     */
    static final class H2File extends Store {

        private final Path directory;

        H2File() {
            try {
                directory = Files.createTempDirectory("incident-ledger-bench-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        String name() {
            return "h2";
        }

        @Override
        String appUrl() {
            // DB_CLOSE_ON_EXIT=FALSE (in the default URL) cannot be combined with AUTO_SERVER; it only
            // matters while the application shuts down.
            return "jdbc:h2:file:" + directory.resolve("incident-ledger") + ";AUTO_SERVER=TRUE";
        }

        @Override
        List<String> appArguments() {
            return List.of();
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(appUrl(), "sa", "");
        }

        @Override
        void awaitOpenedBy(AppProcess app) {
            var lock = directory.resolve("incident-ledger.lock.db");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!Files.exists(lock)) {
                app.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the application never opened " + directory);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }

        @Override
        String schema() {
            return "PUBLIC";
        }

        long fileSize() throws IOException {
            return Files.size(directory.resolve("incident-ledger.mv.db"));
        }

        @Override
        void drop() {
            try (var files = Files.walk(directory)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        }
    }

    /** A database of its own on the PostgreSQL server, dropped (forcibly) at the end. */
    static final class Postgres extends Store {

        private final String serverUrl;
        private final String user;
        private final String database = "il_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Postgres(String serverUrl, String user) {
            this.serverUrl = serverUrl;
            this.user = user;
            admin("CREATE DATABASE " + database);
        }

        @Override
        String name() {
            return "postgres";
        }

        @Override
        String appUrl() {
            return serverUrl + database;
        }

        @Override
        List<String> appArguments() {
            return List.of("--spring.profiles.active=postgres");
        }

        @Override
        Connection connect() throws SQLException {
            // Rewritten batches turn the generator's batch inserts into multi-row statements.
            return DriverManager.getConnection(appUrl() + "?reWriteBatchedInserts=true", user, "");
        }

        @Override
        String schema() {
            return "public";
        }

        /** Sums the backends serving this database (titled "postgres: [cluster: ]user database host ..."). */
        @Override
        double serverCpuMillis() {
            var title = " " + user + " " + database + " ";
            double ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        var command = Files.readString(process.resolve("cmdline"));
                        if (command.startsWith("postgres: ") && command.contains(title)) {
                            var stat = Files.readString(process.resolve("stat"));
                            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while we looked
                    }
                }
            } catch (IOException notLinux) {
                return Double.NaN;
            }
            return ticks * 10;
        }

        Map<String, String> environment() {
            return Map.of("INCIDENT_LEDGER_DB_USER", user, "INCIDENT_LEDGER_DB_PASSWORD", "");
        }

        private void admin(String sql) {
            try (var connection = DriverManager.getConnection(serverUrl + "postgres", user, "");
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + e.getMessage(), e);
            }
        }

        @Override
        void drop() {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
