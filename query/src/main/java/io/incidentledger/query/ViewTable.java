package io.incidentledger.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One read-model table whose rows all belong to one key (usually the incident id). A batch of
 * changed views is stored by deleting every row of the changed keys (a few hundred keys per
 * statement) and batch-inserting the new rows: portable SQL (no vendor upsert), a few round trips
 * per table per batch, and a redelivered event rewrites exactly the same rows.
 * <p>
 * Values are bound with explicit SQL types, so nulls need no driver guesswork. {@link Instant}
 * values are bound as {@code OffsetDateTime} at UTC (columns are {@code TIMESTAMP WITH TIME ZONE})
 * and enums as their name.
 */
public final class ViewTable {

    /** A column and the {@link Types} constant its values are bound with. */
    public record Column(String name, int sqlType) {
    }

    private static final int IN_LIST = 500;
    /**
     * The transactions (their connection holders, one per transaction) already told to plan
     * afresh; weak, so an ended transaction's entry goes with it.
     */
    private static final Map<Object, Boolean> PLANNING_AFRESH = Collections.synchronizedMap(new WeakHashMap<>());
    /** The tables emptied on this thread while {@link #clearedBy} records them. */
    private static final ThreadLocal<Set<String>> CLEARED = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final String table;
    private final int[] types;
    private final String insert;
    private final String keyColumn;
    /** Whether the table lives on PostgreSQL; asked once. */
    private volatile Boolean postgres;

    /**
     * @param keyColumn the column holding the key; the first value of every row
     * @param others    the remaining columns, in the order of each row's values
     */
    public ViewTable(JdbcTemplate jdbc, String table, Column keyColumn, Column... others) {
        this.jdbc = jdbc;
        this.table = table;
        var columns = new ArrayList<Column>();
        columns.add(keyColumn);
        columns.addAll(Arrays.asList(others));
        this.types = columns.stream().mapToInt(Column::sqlType).toArray();
        this.insert = "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.keyColumn = keyColumn.name();
    }

    /**
     * Runs {@code reset} (a processor's reset, which calls its models' {@code @ResetHandler}s on
     * this thread) and returns the tables it emptied: what a rebuild refills.
     */
    public static Set<String> clearedBy(Runnable reset) {
        var cleared = new TreeSet<String>();
        CLEARED.set(cleared);
        try {
            reset.run();
        } finally {
            CLEARED.remove();
        }
        return cleared;
    }

    public static Column text(String name) {
        return new Column(name, Types.VARCHAR);
    }

    public static Column time(String name) {
        return new Column(name, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Column integer(String name) {
        return new Column(name, Types.INTEGER);
    }

    public static Column bigint(String name) {
        return new Column(name, Types.BIGINT);
    }

    public static Column flag(String name) {
        return new Column(name, Types.BOOLEAN);
    }

    public static Column decimal(String name) {
        return new Column(name, Types.DOUBLE);
    }

    /** Replaces every row of {@code keys} with {@code rows} (which may hold zero or many rows per key). */
    public void replace(Collection<?> keys, List<Object[]> rows) {
        if (!keys.isEmpty()) {
            // One statement per few hundred keys: a statement per key was, on PostgreSQL, more
            // server work than the inserts (a rebuild deletes the keys of every view it writes).
            planningAfresh(() -> inLists(keys, "DELETE FROM " + table, jdbc::update));
        }
        if (!rows.isEmpty()) {
            // Bound here rather than through JdbcTemplate.batchUpdate, whose per-value type lookups
            // and logging checks were a tenth of a rebuild's writing.
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (var statement = connection.prepareStatement(insert)) {
                    for (var row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            var value = bindable(row[i]);
                            if (value == null) {
                                statement.setNull(i + 1, types[i]);
                            } else {
                                statement.setObject(i + 1, value, types[i]);
                            }
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
        }
    }

    /**
     * Reads {@code columns} of every row of {@code keys}, a few hundred keys per statement: how a
     * {@link BatchedViews#prefetching prefetching} projection loads a whole batch's views at once.
     */
    public <T> List<T> select(String columns, Collection<?> keys, RowMapper<T> mapper) {
        var rows = new ArrayList<T>();
        planningAfresh(() -> inLists(keys, "SELECT " + columns + " FROM " + table,
                (sql, args) -> rows.addAll(jdbc.query(sql, mapper, args))));
        return rows;
    }

    /** Runs {@code statement} once per few hundred keys, as {@code head} with a WHERE on the key column. */
    private void inLists(Collection<?> keys, String head, BiConsumer<String, Object[]> statement) {
        var all = new ArrayList<Object>(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            var chunk = all.subList(from, Math.min(from + IN_LIST, all.size()));
            statement.accept(head + " WHERE " + keyColumn + " IN ("
                    + chunk.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")",
                    chunk.stream().map(ViewTable::bindable).toArray());
        }
    }

    /**
     * Runs {@code statements} with their plans made for their keys and the table as it is now. A
     * prepared statement's generic plan, once made while a rebuild refills an emptied table
     * (statistics: empty), scans the whole table for every later batch: a model's rebuild ran 4
     * times slower, at random. Only PostgreSQL caches plans so, and only inside a transaction can
     * the setting be scoped to it: it is set once per transaction and holds until its end (setting
     * and resetting it around each table's statements cost a processor's batch some twenty round
     * trips).
     */
    private void planningAfresh(Runnable statements) {
        if (!postgres() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            statements.run();
            return;
        }
        var transaction = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (transaction == null) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            statements.run();
            jdbc.execute("SET LOCAL plan_cache_mode = DEFAULT");
            return;
        }
        if (PLANNING_AFRESH.put(transaction, Boolean.TRUE) == null) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        statements.run();
    }

    /**
     * Empties the table: what a {@code @ResetHandler} does before a replay. On PostgreSQL a
     * {@code TRUNCATE} (transactional there, and instant): a {@code DELETE} would leave every row
     * dead until a vacuum, and reads of the rebuilt table would step over them. H2's
     * {@code TRUNCATE} commits the open transaction, so H2 deletes.
     */
    public void clear() {
        jdbc.update((postgres() ? "TRUNCATE TABLE " : "DELETE FROM ") + table);
        var recording = CLEARED.get();
        if (recording != null) {
            recording.add(table);
        }
    }

    private boolean postgres() {
        var known = postgres;
        if (known == null) {
            known = postgres = postgres(jdbc);
        }
        return known;
    }

    /** Whether {@code jdbc} talks to PostgreSQL (the other store is H2). */
    public static boolean postgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** The instant at UTC, built without {@link Instant#atOffset} (which builds new zone rules every call on Java 17). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return utc(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    @Override
    public String toString() {
        return table;
    }
}
