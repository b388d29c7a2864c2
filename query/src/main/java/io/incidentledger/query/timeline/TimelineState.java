package io.incidentledger.query.timeline;

import java.util.List;
import java.util.Optional;

/**
 * What the customer-timeline fold remembers about one incident: the public view, plus what it
 * needs to keep names out of public text (hashes only, never a name), plus the version.
 *
 * @param view        the public view; it has no updates until the incident becomes public
 * @param nameHashes  SHA-256 of every known responder's and actor's name, normalized (sorted)
 * @param longestName the most words any of those names has
 * @param version     the sequence number of the latest event that changed this state
 */
public record TimelineState(PublicIncidentView view, List<String> nameHashes, int longestName, long version) {

    public TimelineState {
        nameHashes = List.copyOf(nameHashes);
    }

    /** The view customers may see: present once the first public update was posted. */
    public Optional<PublicIncidentView> publicView() {
        return view.updates().isEmpty() ? Optional.empty() : Optional.of(view);
    }
}
