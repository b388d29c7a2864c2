package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.incidentledger.incident.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionTemplate;

class ViewTableIT {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void replacesEveryRowOfTheChangedKeysAndKeepsTheOthers(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            db.jdbc().execute("CREATE TABLE sample (id VARCHAR(64) NOT NULL, phase VARCHAR(16), at TIMESTAMP WITH TIME ZONE,"
                    + " n BIGINT, flag BOOLEAN, body TEXT)");
            var table = new ViewTable(db.jdbc(), "sample", ViewTable.text("id"), ViewTable.text("phase"),
                    ViewTable.time("at"), ViewTable.bigint("n"), ViewTable.flag("flag"), ViewTable.text("body"));

            db.inTransaction(() -> table.replace(List.of("a", "b"), List.of(
                    new Object[] {"a", Phase.FIXED, AT, 1L, true, "one"},
                    new Object[] {"a", null, null, null, null, null},
                    new Object[] {"b", Phase.DETECTED, AT, 2L, false, "two"})));
            db.inTransaction(() -> table.replace(List.of("a", "c"), List.<Object[]>of(
                    new Object[] {"a", Phase.LEARNED, AT.plusSeconds(1), 3L, true, "three"})));

            assertThat(db.dump("sample")).isEqualTo("""
                    sample (2 rows)
                      id=a | phase=LEARNED | at=2025-03-01T10:15:31.123456Z | n=3 | flag=%1$s | body=three
                      id=b | phase=DETECTED | at=2025-03-01T10:15:30.123456Z | n=2 | flag=%2$s | body=two
                    """.formatted(db.vendor() == TestDatabase.Vendor.H2 ? "TRUE" : "t",
                    db.vendor() == TestDatabase.Vendor.H2 ? "FALSE" : "f"));
            var at = db.jdbc().queryForObject("SELECT at FROM sample WHERE id = 'b'",
                    (rs, n) -> ViewTable.instant(rs, "at"));
            assertThat(at).isEqualTo(AT);

            assertThat(table.select("id, n", List.of("a", "b", "none"), (rs, n) -> rs.getString("id") + rs.getLong("n")))
                    .containsExactlyInAnyOrder("a3", "b2");

            // A reset that fails after clearing (before its tokens are stored) must leave the rows.
            new TransactionTemplate(db.transactions()).executeWithoutResult(status -> {
                table.clear();
                status.setRollbackOnly();
            });
            assertThat(db.dump("sample")).startsWith("sample (2 rows)");
            assertThat(ViewTable.clearedBy(table::clear)).as("what a reset emptied").containsExactly("sample");
            assertThat(db.dump("sample")).isEqualTo("sample (0 rows)\n");
        }
    }

    /** Keys go to the database a few hundred per statement; a batch of more must still reach every key. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void replacesAndSelectsMoreKeysThanOneStatementTakes(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            db.jdbc().execute("CREATE TABLE sample (id VARCHAR(64) NOT NULL, n BIGINT)");
            var table = new ViewTable(db.jdbc(), "sample", ViewTable.text("id"), ViewTable.bigint("n"));
            var keys = IntStream.range(0, 1_201).mapToObj(i -> "k" + i).toList();
            db.inTransaction(() -> table.replace(keys, keys.stream()
                    .flatMap(k -> Stream.of(new Object[] {k, 1L}, new Object[] {k, 2L})).toList()));

            var everyOther = keys.stream().filter(k -> Integer.parseInt(k.substring(1)) % 2 == 0).toList();
            db.inTransaction(() -> table.replace(everyOther,
                    everyOther.stream().map(k -> new Object[] {k, 3L}).toList()));

            assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM sample WHERE n = 3", Long.class))
                    .isEqualTo(everyOther.size());
            assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM sample WHERE n < 3", Long.class))
                    .isEqualTo(2L * (keys.size() - everyOther.size()));
            var selected = new TransactionTemplate(db.transactions())
                    .execute(status -> table.select("id, n", keys, (rs, n) -> rs.getString("id")));
            assertThat(selected).hasSize(everyOther.size() + 2 * (keys.size() - everyOther.size()))
                    .containsAll(keys);
        }
    }

    /**
     * On PostgreSQL a transaction that loads or writes views plans its statements afresh until it
     * ends (a generic plan made for a just-emptied table would scan it for every later batch);
     * the next transaction starts with the server's default again.
     */
    @Test
    void plansAfreshForTheRestOfTheTransactionOnPostgres() {
        try (var db = TestDatabase.create(TestDatabase.Vendor.POSTGRES)) {
            db.jdbc().execute("CREATE TABLE sample (id VARCHAR(64) NOT NULL, n BIGINT)");
            var table = new ViewTable(db.jdbc(), "sample", ViewTable.text("id"), ViewTable.bigint("n"));
            var transactions = new TransactionTemplate(db.transactions());
            var modes = transactions.execute(status -> {
                var before = planCacheMode(db);
                table.replace(List.of("a"), List.<Object[]>of(new Object[] {"a", 1L}));
                var afterWrite = planCacheMode(db);
                table.select("n", List.of("a"), (rs, n) -> rs.getLong("n"));
                table.replace(List.of("a"), List.<Object[]>of(new Object[] {"a", 2L}));
                return List.of(before, afterWrite, planCacheMode(db));
            });
            assertThat(modes).containsExactly("auto", "force_custom_plan", "force_custom_plan");
            String untouched = transactions.execute(status -> planCacheMode(db));
            assertThat(untouched).isEqualTo("auto");
            String later = transactions.execute(status -> {
                table.select("n", List.of("a"), (rs, n) -> rs.getLong("n"));
                return planCacheMode(db);
            });
            assertThat(later).as("a later transaction is told again").isEqualTo("force_custom_plan");
            assertThat(db.jdbc().queryForObject("SELECT n FROM sample", Long.class)).isEqualTo(2L);
        }
    }

    private static String planCacheMode(TestDatabase db) {
        return db.jdbc().queryForObject("SHOW plan_cache_mode", String.class);
    }

    /** PostgreSQL compresses the large view documents with lz4 (V10); a server without it would keep pglz. */
    @Test
    void largeDocumentsAreCompressedWithLz4OnPostgres() {
        try (var db = TestDatabase.create(TestDatabase.Vendor.POSTGRES)) {
            var lz4 = db.jdbc().queryForList("SELECT c.relname || '.' || a.attname FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND a.attcompression = 'l' ORDER BY 1", String.class);
            assertThat(lz4).containsExactly("customer_timeline_incident.state_json", "live_status.view_json",
                    "postmortem.search_text", "postmortem.view_json", "postmortem_state.state_json");
        }
    }
}
