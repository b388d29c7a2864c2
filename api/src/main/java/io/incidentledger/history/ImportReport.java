package io.incidentledger.history;

import java.util.List;

/**
 * What an import did. An incident with a rejected line is not imported at all; the others are.
 *
 * @param format   the format the file was read as
 * @param lines    how many non-blank lines the file has
 * @param imported the ids of the incidents imported, in file order
 * @param rejected one rejection per incident not imported (its first bad line), in line order
 */
public record ImportReport(Format format, int lines, List<String> imported, List<Rejection> rejected) {

    public enum Format { EXPORT, TIMELINE }

    public ImportReport {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
    }

    public boolean complete() {
        return rejected.isEmpty();
    }

    /**
     * @param incidentId the incident the line belongs to; null when the line is too broken to say,
     *                   in which case nothing of the file was imported
     * @param code       a stable code: MALFORMED_JSON, VALIDATION_FAILED, UNKNOWN_TYPE, CHAIN_BROKEN,
     *                   SEQUENCE_GAP, NOT_REPRODUCED, ... or a domain rejection such as NOT_ACKNOWLEDGED
     */
    public record Rejection(int lineNumber, String incidentId, String code, String reason) {
    }
}
