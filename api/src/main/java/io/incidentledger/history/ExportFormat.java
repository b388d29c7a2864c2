package io.incidentledger.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.AddActionItem;
import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.AssessImpact;
import io.incidentledger.incident.AssignResponder;
import io.incidentledger.incident.ChangeSeverity;
import io.incidentledger.incident.CompleteActionItem;
import io.incidentledger.incident.ContainIncident;
import io.incidentledger.incident.CorrectEntry;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.FixIncident;
import io.incidentledger.incident.IdentifyRootCause;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.LearnFromIncident;
import io.incidentledger.incident.PostPublicUpdate;
import io.incidentledger.incident.RecordLesson;
import io.incidentledger.incident.ReleaseResponder;
import io.incidentledger.incident.ReopenIncident;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads our own export (see {@link HistoryExport}) back as commands. Each line's chain link is
 * checked first, so only an unaltered export imports; then each event becomes the command that
 * produced it, which the aggregate judges by today's rules, and the importer checks that the
 * command gives back exactly the exported event. Stateful: one instance reads one file.
 */
final class ExportFormat {

    static final String EVENTS = "io.incidentledger.incident.";
    /** Event type to the command that produces it; every v1 event has revision 1. */
    static final Map<String, Class<?>> COMMANDS = Map.ofEntries(
            Map.entry("IncidentDetected", DetectIncident.class),
            Map.entry("IncidentAcknowledged", AcknowledgeIncident.class),
            Map.entry("ResponderAssigned", AssignResponder.class),
            Map.entry("ResponderReleased", ReleaseResponder.class),
            Map.entry("SeverityChanged", ChangeSeverity.class),
            Map.entry("ImpactAssessed", AssessImpact.class),
            Map.entry("InternalNoteAdded", AddInternalNote.class),
            Map.entry("PublicUpdatePosted", PostPublicUpdate.class),
            Map.entry("IncidentContained", ContainIncident.class),
            Map.entry("IncidentFixed", FixIncident.class),
            Map.entry("RootCauseIdentified", IdentifyRootCause.class),
            Map.entry("LessonRecorded", RecordLesson.class),
            Map.entry("ActionItemAdded", AddActionItem.class),
            Map.entry("ActionItemCompleted", CompleteActionItem.class),
            Map.entry("EntryCorrected", CorrectEntry.class),
            Map.entry("IncidentReopened", ReopenIncident.class),
            Map.entry("IncidentLearned", LearnFromIncident.class));
    private static final List<String> KEPT_METADATA = List.of("actor", "traceId");

    private final JsonMapper json;
    private final TimelineFormat commands;
    private final ExportChains chains = new ExportChains();
    /** A commander release, by incident, waiting for the handover on the incident's next line. */
    private final Map<String, ExportLine> pendingHandovers = new HashMap<>();

    ExportFormat(JsonMapper json) {
        this.json = json;
        this.commands = new TimelineFormat(json);
    }

    /** Whether a parsed first line looks like our export rather than the simple timeline format. */
    static boolean isExport(Object line) {
        return line instanceof Map<?, ?> map && map.containsKey("chain") && map.containsKey("payload");
    }

    /**
     * Reads one line; null when the line only opens a commander handover, which the next line
     * of its incident completes.
     */
    TimelineEntry read(int number, String text) {
        var line = ExportLine.parse(number, text);
        var event = line.event();
        chains.check(line);
        var released = pendingHandovers.remove(event.incidentId());
        var type = event.type().substring(EVENTS.length());
        if (type.equals("ResponderReleased") && "COMMANDER".equals(line.payload().get("role"))) {
            // Only a handover releases a commander: AssignResponder(COMMANDER) appends both events.
            pendingHandovers.put(event.incidentId(), line);
            return null;
        }
        if (released != null && !(type.equals("ResponderAssigned") && "COMMANDER".equals(line.payload().get("role")))) {
            throw new HistoryLineRejected(released.number(), "NOT_A_COMMAND",
                    "a commander is only released by a handover: the next entry must assign a new commander");
        }
        var first = released != null ? released : line;
        var expected = released != null ? List.of(expected(released), expected(line)) : List.of(expected(line));
        var metaData = new HashMap<String, Object>();
        KEPT_METADATA.forEach(key -> {
            if (line.metadata().get(key) instanceof String value) {
                metaData.put(key, value);
            }
        });
        var correlationId = line.metadata().get("correlationId") instanceof String id ? id : null;
        return new TimelineEntry(first.number(), new IncidentId(event.incidentId()), (String) metaData.get("actor"),
                command(line, type), new Replay(correlationId, metaData, expected));
    }

    /** The incidents whose last line opened a handover that never completed, with that line's rejection. */
    Map<String, HistoryLineRejected> unfinished() {
        var unfinished = new HashMap<String, HistoryLineRejected>();
        pendingHandovers.forEach((incidentId, line) -> unfinished.put(incidentId, new HistoryLineRejected(
                line.number(), "NOT_A_COMMAND",
                "a commander is only released by a handover: the next entry must assign a new commander")));
        return unfinished;
    }

    /** The exported payload, reshaped into the fields of the command that produces it. */
    private Object command(ExportLine line, String type) {
        var node = (ObjectNode) json.readTree(line.event().payload());
        switch (type) {
            case "ResponderReleased" -> node.remove("role");
            case "SeverityChanged" -> {
                node.remove("from");
                node.set("severity", node.remove("to"));
            }
            case "EntryCorrected" -> node.set("sequenceNumber", node.remove("correctedSequenceNumber"));
            default -> { }
        }
        return commands.command(line.number(), node, COMMANDS.get(type));
    }

    private static Replay.ExpectedEvent expected(ExportLine line) {
        return new Replay.ExpectedEvent(line.event().sequenceNumber(), line.event().type(), line.event().payload());
    }
}
