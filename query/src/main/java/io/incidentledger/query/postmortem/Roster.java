package io.incidentledger.query.postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.incident.ResponderRole;
import io.incidentledger.query.postmortem.PostmortemView.Participant;

/**
 * The people of one incident as roles. The person who acknowledged the incident is "Incident
 * commander"; everyone else is "Responder 1", "Responder 2"... in order of first appearance in
 * the stream, whether as actor of an entry, as responder or commander named by one, or as the
 * author of a correction. A later commander (a hand-over) keeps their responder number, so each
 * label means one person throughout the document. Labels are computed from the whole state, so
 * they stay consistent however late a person shows up.
 */
final class Roster {

    static final String COMMANDER = "Incident commander";

    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, List<ResponderRole>> roles = new LinkedHashMap<>();
    private final NameScrubber scrubber;
    /** Each name's {@link NameScrubber#key}, worked out once: most entries share a few actors. */
    private final Map<String, String> keys = new HashMap<>();

    private Roster(PostmortemState state) {
        var commander = state.entries().stream().filter(e -> e.kind() == TimelineKind.ACKNOWLEDGED)
                .map(PostmortemState.Entry::person).filter(Roster::isName).map(this::key)
                .findFirst().orElse(null);
        int responders = 0;
        var names = new LinkedHashMap<String, String>();
        for (var appearance : appearances(state)) {
            var key = key(appearance.name());
            if (!labels.containsKey(key)) {
                labels.put(key, key.equals(commander) ? COMMANDER : "Responder " + ++responders);
            }
            names.putIfAbsent(appearance.name(), labels.get(key));
            roles.computeIfAbsent(key, k -> new ArrayList<>());
            if (appearance.role() != null && !roles.get(key).contains(appearance.role())) {
                roles.get(key).add(appearance.role());
            }
        }
        scrubber = new NameScrubber(names);
    }

    static Roster of(PostmortemState state) {
        return new Roster(state);
    }

    /** The label of a person, or null for no person. */
    String label(String name) {
        return isName(name) ? labels.get(key(name)) : null;
    }

    private String key(String name) {
        return keys.computeIfAbsent(name, NameScrubber::key);
    }

    String scrub(String text) {
        return scrubber.scrub(text);
    }

    List<String> scrub(List<String> texts) {
        return texts.stream().map(this::scrub).toList();
    }

    List<Participant> participants() {
        return labels.entrySet().stream()
                .map(e -> new Participant(e.getValue(), List.copyOf(roles.get(e.getKey()))))
                .toList();
    }

    private record Appearance(long sequenceNumber, int order, String name, ResponderRole role) {
    }

    private static List<Appearance> appearances(PostmortemState state) {
        var all = new ArrayList<Appearance>();
        for (var entry : state.entries()) {
            if (isName(entry.actor())) {
                all.add(new Appearance(entry.sequenceNumber(), 0, entry.actor(), null));
            }
            if (isName(entry.person())) {
                all.add(new Appearance(entry.sequenceNumber(), 1, entry.person(), roleTaken(entry)));
            }
            for (var correction : entry.corrections()) {
                if (isName(correction.actor())) {
                    all.add(new Appearance(correction.sequenceNumber(), 0, correction.actor(), null));
                }
            }
        }
        for (var correction : state.strayCorrections()) {
            if (isName(correction.actor())) {
                all.add(new Appearance(correction.sequenceNumber(), 0, correction.actor(), null));
            }
        }
        all.sort(Comparator.comparingLong(Appearance::sequenceNumber).thenComparingInt(Appearance::order));
        return all;
    }

    private static ResponderRole roleTaken(PostmortemState.Entry entry) {
        var taking = entry.kind() == TimelineKind.ACKNOWLEDGED || entry.kind() == TimelineKind.RESPONDER_ASSIGNED;
        return taking && entry.detail() != null ? ResponderRole.valueOf(entry.detail()) : null;
    }

    private static boolean isName(String name) {
        return name != null && !name.isBlank();
    }
}
