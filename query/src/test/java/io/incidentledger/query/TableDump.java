package io.incidentledger.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deterministic text rendering of whole tables: rows sorted, every value normalized (times as
 * UTC instants, large text read as a string), so two dumps are equal exactly when the table
 * contents are, whatever the physical row order or the database.
 */
public final class TableDump {

    private TableDump() {
    }

    public static String of(JdbcTemplate jdbc, String... tables) {
        var dump = new StringBuilder();
        for (var table : tables) {
            var rows = new ArrayList<String>(jdbc.query("SELECT * FROM " + table, (rs, n) -> row(rs)));
            rows.sort(null);
            dump.append(table).append(" (").append(rows.size()).append(" rows)\n");
            rows.forEach(row -> dump.append("  ").append(row).append('\n'));
        }
        return dump.toString();
    }

    private static String row(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            var type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            Object value = type.contains("timestamp")
                    ? toInstant(rs.getObject(i, OffsetDateTime.class))
                    : rs.getString(i);
            row.append(i == 1 ? "" : " | ").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))
                    .append('=').append(value);
        }
        return row.toString();
    }

    private static Object toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
