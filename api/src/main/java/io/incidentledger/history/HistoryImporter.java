package io.incidentledger.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentRejected;
import io.incidentledger.query.audit.CanonicalJson;
import io.incidentledger.query.audit.StoredEvents;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a history through the same command handlers, and so the same rules, as live traffic.
 * Each incident's commands run in one database transaction (Axon's units of work join it), so a
 * rejected line leaves nothing of its incident behind while other incidents still import.
 */
@Component
class HistoryImporter {

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final StoredEvents stored;

    HistoryImporter(CommandGateway commands, TransactionTemplate transaction, StoredEvents stored) {
        this.commands = commands;
        this.transaction = transaction;
        this.stored = stored;
    }

    ImportResult importEntries(List<TimelineEntry> entries, String source) {
        var byIncident = new LinkedHashMap<IncidentId, List<TimelineEntry>>();
        entries.forEach(e -> byIncident.computeIfAbsent(e.incidentId(), id -> new ArrayList<>()).add(e));
        var imported = new ArrayList<IncidentId>();
        var rejected = new ArrayList<HistoryLineRejected>();
        byIncident.forEach((incidentId, incidentEntries) -> {
            try {
                transaction.executeWithoutResult(status -> incidentEntries.forEach(entry -> send(entry, source)));
                imported.add(incidentId);
            } catch (HistoryLineRejected e) {
                rejected.add(e);
            }
        });
        return new ImportResult(imported, entries.size(), rejected);
    }

    private void send(TimelineEntry entry, String source) {
        try {
            commands.sendAndWait(message(entry, source));
        } catch (IncidentRejected e) {
            throw new HistoryLineRejected(entry.lineNumber(), e.rejection().name(), e.getMessage());
        } catch (RuntimeException e) {
            throw new HistoryLineRejected(entry.lineNumber(), "REJECTED", e.getMessage());
        }
        if (entry.replay() != null) {
            requireReproduced(entry);
        }
    }

    private static CommandMessage<?> message(TimelineEntry entry, String source) {
        var metaData = new HashMap<String, Object>();
        if (entry.replay() != null) {
            metaData.putAll(entry.replay().metaData());
        }
        metaData.put("importedFrom", source + ":" + entry.lineNumber());
        if (entry.actor() != null) {
            metaData.put("actor", entry.actor());
        }
        var command = entry.command();
        var correlationId = entry.replay() == null ? null : entry.replay().correlationId();
        return correlationId == null
                ? GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)
                : new GenericCommandMessage<>(new GenericMessage<>(correlationId, command, MetaData.from(metaData)),
                        command.getClass().getName());
    }

    /** The command must have appended exactly the exported events: same positions, types and payloads. */
    private void requireReproduced(TimelineEntry entry) {
        var expected = entry.replay().events();
        var first = expected.get(0).sequenceNumber();
        var actual = stored.of(entry.incidentId().value(), first, first + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            var want = expected.get(i);
            var got = i < actual.size() ? actual.get(i) : null;
            if (got == null || got.sequenceNumber() != want.sequenceNumber() || !got.type().equals(want.type())
                    || !CanonicalJson.canonical(got.payload()).equals(want.payload())) {
                throw new HistoryLineRejected(entry.lineNumber(), "NOT_REPRODUCED", "replaying the line did not give "
                        + "back event " + want.sequenceNumber() + " as exported; it gave "
                        + (got == null ? "nothing" : got.type() + " " + CanonicalJson.canonical(got.payload())));
            }
        }
        if (actual.size() > expected.size()) {
            throw new HistoryLineRejected(entry.lineNumber(), "NOT_REPRODUCED",
                    "replaying the line appended more events than the export holds");
        }
    }

    record ImportResult(List<IncidentId> imported, int lines, List<HistoryLineRejected> rejected) {
    }
}
