package io.incidentledger.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.PublicStatus;

/** A mutable copy of a {@link TimelineState}, alive only inside one call of the fold. */
final class TimelineDraft {

    private static final int TITLE_LENGTH = 120;

    /** Compiled once: every public update of a rebuild asks for its title. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    private final String incidentId;
    private final List<PublicUpdateView> updates;
    private final Map<String, ComponentStatus> components = new TreeMap<>();
    private final TreeSet<String> nameHashes;
    private int longestName;

    TimelineDraft(String incidentId) {
        this.incidentId = incidentId;
        this.updates = new ArrayList<>();
        this.nameHashes = new TreeSet<>();
    }

    TimelineDraft(TimelineState state) {
        this.incidentId = state.view().incidentId();
        this.updates = new ArrayList<>(state.view().updates());
        state.view().components().forEach(c -> components.put(c.name(), c.status()));
        this.nameHashes = new TreeSet<>(state.nameHashes());
        this.longestName = state.longestName();
    }

    void post(long sequenceNumber, Instant occurredAt, PublicStatus status, String message, Instant nextUpdateDue) {
        updates.add(new PublicUpdateView(sequenceNumber, occurredAt, status, redact(message), nextUpdateDue, false, null));
    }

    /** An assessment lists what is affected now: components it no longer names are operational again. */
    void assess(List<AffectedComponent> affected) {
        components.replaceAll((name, status) -> ComponentStatus.OPERATIONAL);
        affected.forEach(c -> components.put(c.name(), c.status()));
    }

    void fix() {
        components.replaceAll((name, status) -> ComponentStatus.OPERATIONAL);
    }

    /** @return false when the target is no public update: corrections of anything else never reach customers */
    boolean correct(long target, String replacementText, Instant correctedOccurredAt, Instant correctedAt) {
        for (int i = 0; i < updates.size(); i++) {
            var u = updates.get(i);
            if (u.sequenceNumber() == target) {
                updates.set(i, new PublicUpdateView(target,
                        correctedOccurredAt == null ? u.occurredAt() : correctedOccurredAt, u.status(),
                        replacementText == null ? u.message() : redact(replacementText), u.nextUpdateDue(), true,
                        correctedAt));
                return true;
            }
        }
        return false;
    }

    /** @return false when the name was known already (or has no word in it) */
    boolean learnName(String name) {
        var hash = name == null ? null : NameRedactor.hash(name);
        if (hash == null || !nameHashes.add(hash)) {
            return false;
        }
        longestName = Math.max(longestName, NameRedactor.wordCount(name));
        // A name learnt after an update was posted is taken out of that update too.
        updates.replaceAll(u -> new PublicUpdateView(u.sequenceNumber(), u.occurredAt(), u.status(), redact(u.message()),
                u.nextUpdateDue(), u.corrected(), u.correctedAt()));
        return true;
    }

    private String redact(String text) {
        return NameRedactor.redact(text, nameHashes, longestName);
    }

    TimelineState toState(long version) {
        updates.sort(Comparator.comparing(PublicUpdateView::occurredAt)
                .thenComparingLong(PublicUpdateView::sequenceNumber));
        var componentViews = components.entrySet().stream()
                .map(e -> new ComponentStatusView(e.getKey(), e.getValue())).toList();
        var first = updates.stream().min(Comparator.comparingLong(PublicUpdateView::sequenceNumber));
        var latest = updates.stream().max(Comparator.comparingLong(PublicUpdateView::sequenceNumber));
        var view = new PublicIncidentView(incidentId,
                first.map(u -> title(u.message())).orElse(null),
                latest.map(PublicUpdateView::status).orElse(null),
                updates.isEmpty() ? null : updates.get(0).occurredAt(),
                latest.filter(u -> u.status() == PublicStatus.RESOLVED).map(PublicUpdateView::occurredAt).orElse(null),
                latest.map(PublicUpdateView::nextUpdateDue).orElse(null),
                componentViews, updates);
        return new TimelineState(view, List.copyOf(nameHashes), longestName, version);
    }

    /**
     * The first sentence of the message's first line (a headline reads better than a paragraph
     * on the page and in feed readers), cut at a word boundary if it is still long.
     */
    static String title(String message) {
        var line = message.strip().lines().findFirst().orElse("").strip();
        var sentenceEnd = SENTENCE_END.matcher(line);
        if (sentenceEnd.find()) {
            line = line.substring(0, sentenceEnd.start() + 1);
        }
        if (line.codePointCount(0, line.length()) <= TITLE_LENGTH) {
            return line;
        }
        var cut = line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH));
        int space = cut.lastIndexOf(' ');
        return (space > TITLE_LENGTH / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
