package io.incidentledger.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What someone with write access to the database could do behind the application's back. */
public final class Tampering {

    private Tampering() {
    }

    /** An edit that puts the row back when closed, so other tests sharing the database see it intact. */
    public interface Edit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Edits the text of one stored event's payload in place, once the read models have folded the
     * incident: an edit the processors could still read would leak into the views that other tests
     * (a rebuild compared with the live tables) find there after the row is put back.
     */
    public static Edit editPayload(ReadModels models, JdbcClient jdbc, String incidentId, long sequenceNumber,
                                   String from, String to) {
        models.awaitCaughtUp(List.of(incidentId));
        var payload = new String(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?").params(incidentId, sequenceNumber).query(byte[].class).single(),
                StandardCharsets.UTF_8);
        assertThat(payload).contains(from);
        write(jdbc, incidentId, sequenceNumber, payload.replace(from, to));
        return () -> write(jdbc, incidentId, sequenceNumber, payload);
    }

    private static void write(JdbcClient jdbc, String incidentId, long sequenceNumber, String payload) {
        var updated = jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(payload.getBytes(StandardCharsets.UTF_8), incidentId, sequenceNumber).update();
        assertThat(updated).isEqualTo(1);
    }

    public static long events(JdbcClient jdbc, String incidentId) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?").param(incidentId)
                .query(Long.class).single();
    }
}
