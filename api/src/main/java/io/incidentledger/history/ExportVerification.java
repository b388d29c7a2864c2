package io.incidentledger.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Verifies an export file's chains on its own, with no database: the same check an import makes
 * before anything else, and the one docs/verify_chain.py makes independently.
 *
 * @param heads    every incident's last link (up to its first broken line), by incident id
 * @param problems the first problem of each incident, in line order; empty when every chain holds
 */
public record ExportVerification(long events, Map<String, String> heads, List<ImportReport.Rejection> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }

    public static ExportVerification of(Reader file) throws IOException {
        var chains = new ExportChains();
        var problems = new ArrayList<ImportReport.Rejection>();
        var broken = new HashSet<String>();
        long events = 0;
        var reader = new BufferedReader(file);
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            events++;
            String incidentId = null;
            try {
                var line = ExportLine.parse(number, text);
                incidentId = line.event().incidentId();
                if (!broken.contains(incidentId)) {
                    chains.check(line);
                }
            } catch (HistoryLineRejected e) {
                if (incidentId == null || broken.add(incidentId)) {
                    problems.add(new ImportReport.Rejection(e.lineNumber(), incidentId, e.code(), e.reason()));
                }
            }
        }
        return new ExportVerification(events, chains.heads(), problems);
    }
}
