package io.incidentledger.query.postmortem;

import java.util.Arrays;
import java.util.List;

import io.incidentledger.incident.Severity;

/**
 * A page of the postmortem library, most recently detected first. Filters are optional (null
 * matches all): an affected service (exact), the current severity, the status, and words that
 * must all occur in the document's text (case-insensitive, anywhere in a word: "deploy" finds
 * "deploys"). A page below 0 reads as 0 and a size outside 1..{@value #MAX_SIZE} as the nearest
 * bound; at most {@value #MAX_WORDS} words count; so no input can fail the query.
 */
public record FindPostmortems(String service, Severity severity, PostmortemView.Status status, String text,
                              int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_WORDS = 10;

    public FindPostmortems {
        service = service == null || service.isBlank() ? null : service.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), MAX_SIZE);
    }

    public static FindPostmortems all() {
        return new FindPostmortems(null, null, null, null, 0, DEFAULT_SIZE);
    }

    List<String> words() {
        return text == null ? List.of() : Arrays.stream(text.split("\\s+")).limit(MAX_WORDS).toList();
    }
}
