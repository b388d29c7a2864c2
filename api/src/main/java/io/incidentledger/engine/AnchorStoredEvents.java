package io.incidentledger.engine;

import io.incidentledger.query.audit.ChainAnchoring;
import io.incidentledger.query.audit.ChainAnchors;
import io.incidentledger.query.audit.StoredEvents;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 8.1: anchors the events a store held before the audit chain existed. Runs
 * once, at the upgrade; after it, only the storage engine writes anchors.
 */
@Component
class AnchorStoredEvents implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8.1");
    }

    @Override
    public String getDescription() {
        return "anchor stored events";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        var anchoring = new ChainAnchoring(new StoredEvents(jdbc), new ChainAnchors(jdbc));
        var incidents = jdbc.query("SELECT aggregateIdentifier, MAX(sequenceNumber) FROM DomainEventEntry "
                + "GROUP BY aggregateIdentifier", (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)});
        incidents.forEach(incident -> anchoring.anchor((String) incident[0], 0, (Long) incident[1]));
    }
}
