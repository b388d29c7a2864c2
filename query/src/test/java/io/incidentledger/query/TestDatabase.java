package io.incidentledger.query;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, private database with the query module's Flyway migrations applied: an in-memory H2
 * database (default mode) or a new schema in the local PostgreSQL ({@code 127.0.0.1:5432},
 * database {@code test}, user {@code postgres}), dropped on close, so runs never see each other.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Vendor { H2, POSTGRES }

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Vendor vendor;
    private final String schema;
    private final SingleConnectionDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;

    private TestDatabase(Vendor vendor, String schema, String url) {
        this.vendor = vendor;
        this.schema = schema;
        this.dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public static TestDatabase create(Vendor vendor) {
        var name = "qa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        var url = switch (vendor) {
            case H2 -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            case POSTGRES -> {
                execute(POSTGRES_URL, "CREATE SCHEMA " + name);
                yield POSTGRES_URL + "?currentSchema=" + name + "&reWriteBatchedInserts=true";
            }
        };
        var database = new TestDatabase(vendor, name, url);
        var flyway = Flyway.configure()
                .dataSource(new DriverManagerDataSource(url, "postgres", ""))
                .locations("classpath:db/migration/common",
                        "classpath:db/migration/" + (vendor == Vendor.POSTGRES ? "postgresql" : "h2"));
        if (vendor == Vendor.POSTGRES) {
            flyway.schemas(name);
        }
        flyway.load().migrate();
        return database;
    }

    public Vendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    public void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    /**
     * Hands {@code messages} to {@code handler} the way a pooled streaming processor does: one
     * Spring transaction, one {@link BatchingUnitOfWork} for the whole batch. Throws what a handler threw.
     */
    public void processBatch(List<? extends EventMessage<?>> messages, EventMessageHandler handler) {
        var unitOfWork = new BatchingUnitOfWork<EventMessage<?>>(new ArrayList<>(messages));
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        var result = unitOfWork.executeWithResult(() -> handler.handle(unitOfWork.getMessage()),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("batch failed", result.exceptionResult());
        }
    }

    /** {@link #processBatch} over consecutive batches of {@code size} messages: a live or replaying processor. */
    public void processInBatches(List<? extends EventMessage<?>> messages, int size, EventMessageHandler handler) {
        for (int from = 0; from < messages.size(); from += size) {
            processBatch(messages.subList(from, Math.min(from + size, messages.size())), handler);
        }
    }

    /** Every row of the tables, rendered by {@link TableDump}. */
    public String dump(String... tables) {
        return TableDump.of(jdbc, tables);
    }

    @Override
    public void close() {
        dataSource.destroy();
        switch (vendor) {
            case H2 -> execute("jdbc:h2:mem:" + schema, "SHUTDOWN");
            case POSTGRES -> execute(POSTGRES_URL, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }
}
