package io.incidentledger.history;

import java.util.Map;
import java.util.regex.Pattern;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.query.audit.CanonicalJson;
import io.incidentledger.query.audit.StoredEvent;

/**
 * One line of an export, its shape checked: the stored event it describes (documents in
 * canonical JSON, numbers exactly as exported), and the chain link it claims.
 */
record ExportLine(int number, StoredEvent event, Map<?, ?> payload, Map<?, ?> metadata, String chain) {

    private static final Pattern LINK = Pattern.compile("[0-9a-f]{64}");

    static ExportLine parse(int number, String text) {
        Object parsed;
        try {
            parsed = CanonicalJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HistoryLineRejected(number, "MALFORMED_JSON", e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw new HistoryLineRejected(number, "MALFORMED_JSON", "a line must be one JSON object");
        }
        var incidentId = text(number, fields, "incidentId", true);
        if (!IncidentId.isValid(incidentId)) {
            throw invalid(number, "incidentId '" + incidentId + "' is not a valid id");
        }
        var type = text(number, fields, "type", true);
        if (!type.startsWith(ExportFormat.EVENTS)
                || !ExportFormat.COMMANDS.containsKey(type.substring(ExportFormat.EVENTS.length()))) {
            throw new HistoryLineRejected(number, "UNKNOWN_TYPE", "type '" + type + "' is not an incident event");
        }
        var revision = text(number, fields, "revision", false);
        if (!"1".equals(revision)) {
            throw new HistoryLineRejected(number, "UNKNOWN_REVISION", "revision " + revision + " of " + type + " is not known");
        }
        if (!(fields.get("sequenceNumber") instanceof CanonicalJson.RawNumber sequence) || !sequence.text().matches("0|[1-9][0-9]{0,17}")) {
            throw invalid(number, "'sequenceNumber' must be a whole number from 0");
        }
        if (!(fields.get("payload") instanceof Map<?, ?> payload)) {
            throw invalid(number, "'payload' must be an object");
        }
        if (fields.get("metadata") != null && !(fields.get("metadata") instanceof Map<?, ?>)) {
            throw invalid(number, "'metadata' must be an object");
        }
        if (fields.get("chain") == null) {
            throw new HistoryLineRejected(number, "CHAIN_BROKEN", "the line has no chain link: the store never anchored it");
        }
        if (!(fields.get("chain") instanceof String link) || !LINK.matcher(link).matches()) {
            throw invalid(number, "'chain' must be 64 lowercase hexadecimal digits");
        }
        var occurredAt = text(number, fields, "occurredAt", false);
        if (occurredAt == null || !occurredAt.equals(payload.get("occurredAt"))) {
            throw invalid(number, "'occurredAt' must be the payload's occurredAt");
        }
        if (!(payload.get("incidentId") instanceof Map<?, ?> id) || !incidentId.equals(id.get("value"))) {
            throw invalid(number, "the payload belongs to another incident than 'incidentId'");
        }
        var metadata = fields.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        var event = new StoredEvent(null, incidentId, Long.parseLong(sequence.text()), type, revision,
                text(number, fields, "recordedAt", true), fields.get("metadata") == null ? null
                : CanonicalJson.write(metadata), CanonicalJson.write(payload));
        return new ExportLine(number, event, payload, metadata, link);
    }

    private static String text(int number, Map<?, ?> fields, String name, boolean required) {
        var value = fields.get(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value == null && !required) {
            return null;
        }
        throw invalid(number, "'" + name + "' must be " + (required ? "a non-empty string" : "a string or null"));
    }

    private static HistoryLineRejected invalid(int number, String reason) {
        return new HistoryLineRejected(number, "VALIDATION_FAILED", reason);
    }
}
