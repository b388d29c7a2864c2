package io.incidentledger.query.postmortem;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.Severity;

/** One page of the postmortem library and the number of postmortems matching the filters. */
public record PostmortemLibraryView(List<Entry> postmortems, int page, int size, long total) {

    public PostmortemLibraryView {
        postmortems = List.copyOf(postmortems);
    }

    /** What a reader needs to pick a postmortem; as blameless as the document it summarises. */
    public record Entry(String incidentId, String title, PostmortemView.Status status, Severity severity,
                       List<String> services, Instant detectedAt, String summary) {

        static Entry of(PostmortemView view) {
            return new Entry(view.incidentId(), view.title(), view.status(), view.severity(), view.services(),
                    view.detection().detectedAt(), view.summary());
        }
    }
}
