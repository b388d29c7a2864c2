package io.incidentledger.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

import io.incidentledger.query.audit.AuditChain;
import io.incidentledger.query.audit.CanonicalJson;
import io.incidentledger.query.audit.ChainAnchors;
import io.incidentledger.query.audit.StoredEvent;
import io.incidentledger.query.audit.StoredEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports incident histories as JSON Lines: one event a line, in canonical JSON, with exactly what
 * the audit chain hashes plus the chain link itself, so docs/verify_chain.py (or anyone following
 * docs/audit-chain.md) can check a file without us, and {@link HistoryImport} can read it back.
 * Incidents come in id order, each one's events in sequence order.
 */
@Component
public class HistoryExport {

    private final StoredEvents events;
    private final ChainAnchors anchors;
    private final TransactionTemplate transaction;

    HistoryExport(StoredEvents events, ChainAnchors anchors, TransactionTemplate transaction) {
        this.events = events;
        this.anchors = anchors;
        this.transaction = transaction;
    }

    public record Summary(long incidents, long events) {
    }

    /** Exports the given incidents (unknown ids are skipped), or every incident when none is given. */
    public Summary export(Collection<String> incidentIds, Writer out) {
        long[] counts = new long[2];
        // One read-only transaction: a consistent snapshot, and PostgreSQL streams the rows.
        transaction.executeWithoutResult(status -> {
            if (incidentIds.isEmpty()) {
                events.forEachIncident(incident -> write(incident, out, counts));
            } else {
                incidentIds.stream().distinct().sorted().map(events::of).filter(list -> !list.isEmpty())
                        .forEach(incident -> write(incident, out, counts));
            }
        });
        return new Summary(counts[0], counts[1]);
    }

    private void write(List<StoredEvent> incident, Writer out, long[] counts) {
        var anchored = anchors.of(incident.get(0).incidentId());
        try {
            for (var event : incident) {
                // The anchored link, not one recomputed now: an edited row then fails verification of the
                // file too, and an event whose anchor is missing shows as a line without a link.
                out.write(line(event, anchored.get(event.sequenceNumber())));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[0]++;
        counts[1] += incident.size();
    }

    /** @param chain the anchored link; null when the event has none */
    static String line(StoredEvent event, String chain) {
        var payload = CanonicalJson.parse(event.payload());
        var line = new HashMap<String, Object>();
        line.put("incidentId", event.incidentId());
        line.put("sequenceNumber", event.sequenceNumber());
        line.put("type", event.type());
        line.put("revision", event.revision());
        line.put("occurredAt", AuditChain.occurredAt(payload));
        line.put("recordedAt", event.recordedAt());
        line.put("metadata", event.metadata() == null ? null : CanonicalJson.parse(event.metadata()));
        line.put("payload", payload);
        line.put("chain", chain);
        return CanonicalJson.write(line);
    }
}
