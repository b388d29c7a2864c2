package io.incidentledger.history;

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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simple timeline format for incident histories kept in other tools: JSON Lines, one entry a
 * line, in the order they happened to the incident. Each line has {@code incident} (the id),
 * {@code type} (see {@link #TYPES}), optional {@code at} (when it occurred, ISO-8601) and
 * {@code by} (who), and the fields of the matching command, named as in the HTTP API.
 */
final class TimelineFormat {

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("detected", DetectIncident.class),
            Map.entry("acknowledged", AcknowledgeIncident.class),
            Map.entry("responder-assigned", AssignResponder.class),
            Map.entry("responder-released", ReleaseResponder.class),
            Map.entry("severity-changed", ChangeSeverity.class),
            Map.entry("impact-assessed", AssessImpact.class),
            Map.entry("note", AddInternalNote.class),
            Map.entry("public-update", PostPublicUpdate.class),
            Map.entry("contained", ContainIncident.class),
            Map.entry("fixed", FixIncident.class),
            Map.entry("root-cause", IdentifyRootCause.class),
            Map.entry("lesson", RecordLesson.class),
            Map.entry("action-item", AddActionItem.class),
            Map.entry("action-item-completed", CompleteActionItem.class),
            Map.entry("correction", CorrectEntry.class),
            Map.entry("reopened", ReopenIncident.class),
            Map.entry("learned", LearnFromIncident.class));

    private final JsonMapper json;

    TimelineFormat(JsonMapper json) {
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Reads one line as a JSON object; the line number goes into every complaint. */
    ObjectNode read(int lineNumber, String line) {
        try {
            if (json.readTree(line) instanceof ObjectNode node) {
                return node;
            }
        } catch (JacksonException e) {
            throw new HistoryLineRejected(lineNumber, "MALFORMED_JSON", "not valid JSON: " + e.getOriginalMessage());
        }
        throw new HistoryLineRejected(lineNumber, "MALFORMED_JSON", "a line must be one JSON object");
    }

    TimelineEntry toEntry(int lineNumber, ObjectNode line) {
        var node = line.deepCopy();
        var incident = text(lineNumber, node.remove("incident"), "incident");
        var type = text(lineNumber, node.remove("type"), "type");
        var commandType = TYPES.get(type);
        if (commandType == null) {
            throw new HistoryLineRejected(lineNumber, "UNKNOWN_TYPE",
                    "type '" + type + "' is not one of " + TYPES.keySet().stream().sorted().toList());
        }
        if (!IncidentId.isValid(incident)) {
            throw new HistoryLineRejected(lineNumber, "VALIDATION_FAILED", "incident '" + incident + "' is not a valid id");
        }
        var at = node.remove("at");
        var by = node.remove("by");
        node.putObject("incidentId").put("value", incident);
        if (at != null) {
            node.set("occurredAt", at);
        }
        var command = command(lineNumber, node, commandType);
        return new TimelineEntry(lineNumber, new IncidentId(incident), by == null ? null : by.asString(), command);
    }

    /** Binds a command's fields, so its own constructor checks their shape; a refusal names the line. */
    Object command(int lineNumber, ObjectNode node, Class<?> commandType) {
        try {
            return json.treeToValue(node, commandType);
        } catch (ValueInstantiationException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            throw new HistoryLineRejected(lineNumber, "VALIDATION_FAILED", cause.getMessage());
        } catch (JacksonException e) {
            throw new HistoryLineRejected(lineNumber, "VALIDATION_FAILED", e.getOriginalMessage());
        }
    }

    private static String text(int lineNumber, tools.jackson.databind.JsonNode node, String field) {
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new HistoryLineRejected(lineNumber, "VALIDATION_FAILED", "'" + field + "' is required");
        }
        return node.asString();
    }
}
