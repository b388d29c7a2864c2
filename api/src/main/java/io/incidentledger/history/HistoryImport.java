package io.incidentledger.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.history.ImportReport.Format;
import io.incidentledger.history.ImportReport.Rejection;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.query.audit.CanonicalJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a history file, JSON Lines in either format: our own export ({@link ExportFormat}) or
 * the simple timeline format ({@link TimelineFormat}), told apart by the first line. Every line
 * is read and checked before anything is sent; an incident with a bad line is left out whole,
 * and a line too broken to name its incident stops the whole file.
 */
@Component
public class HistoryImport {

    private final JsonMapper json;
    private final HistoryImporter importer;

    HistoryImport(JsonMapper json, HistoryImporter importer) {
        this.json = json;
        this.importer = importer;
    }

    public ImportReport importFrom(Reader file, String source) throws IOException {
        var lines = lines(file);
        var format = lines.isEmpty() || !isExport(lines.values().iterator().next()) ? Format.TIMELINE : Format.EXPORT;
        var exportFormat = new ExportFormat(json);
        var timelineFormat = new TimelineFormat(json);
        var entries = new ArrayList<TimelineEntry>();
        var rejected = new LinkedHashMap<String, HistoryLineRejected>();
        for (var line : lines.entrySet()) {
            var incidentId = incidentOf(line.getValue());
            if (incidentId != null && rejected.containsKey(incidentId)) {
                continue;
            }
            try {
                var entry = format == Format.EXPORT ? exportFormat.read(line.getKey(), line.getValue())
                        : timelineFormat.toEntry(line.getKey(), timelineFormat.read(line.getKey(), line.getValue()));
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (HistoryLineRejected e) {
                if (incidentId == null) {
                    return new ImportReport(format, lines.size(), List.of(), List.of(rejection(null, e)));
                }
                rejected.put(incidentId, e);
            }
        }
        exportFormat.unfinished().forEach(rejected::putIfAbsent);
        entries.removeIf(entry -> rejected.containsKey(entry.incidentId().value()));
        var result = importer.importEntries(entries, source);
        var rejections = new ArrayList<Rejection>();
        rejected.forEach((incidentId, e) -> rejections.add(rejection(incidentId, e)));
        for (var e : result.rejected()) {
            var incidentId = entries.stream().filter(entry -> entry.lineNumber() == e.lineNumber())
                    .map(entry -> entry.incidentId().value()).findFirst().orElse(null);
            rejections.add(rejection(incidentId, e));
        }
        rejections.sort(Comparator.comparingInt(Rejection::lineNumber));
        return new ImportReport(format, lines.size(), result.imported().stream().map(IncidentId::value).toList(),
                rejections);
    }

    /** The non-blank lines by their line number in the file (counting from 1). */
    private static Map<Integer, String> lines(Reader file) throws IOException {
        var lines = new LinkedHashMap<Integer, String>();
        var reader = new BufferedReader(file);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (!line.isBlank()) {
                lines.put(number, line);
            }
        }
        return lines;
    }

    private static boolean isExport(String firstLine) {
        try {
            return ExportFormat.isExport(CanonicalJson.parse(firstLine));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The incident a line names, in either format; null when the line is not JSON or names none. */
    private static String incidentOf(String line) {
        try {
            if (CanonicalJson.parse(line) instanceof Map<?, ?> fields) {
                var id = fields.get("incidentId") != null ? fields.get("incidentId") : fields.get("incident");
                return id instanceof String text ? text : null;
            }
        } catch (IllegalArgumentException malformed) {
            // the caller treats a line without an incident as breaking the whole file
        }
        return null;
    }

    private static Rejection rejection(String incidentId, HistoryLineRejected e) {
        return new Rejection(e.lineNumber(), incidentId, e.code(), e.reason());
    }
}
