package io.incidentledger.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Folds an incident's stored events from scratch, independently of the aggregate, and fails on the
 * first broken invariant. What it learns (phase, times, people, action items) steers the command
 * generator toward interesting commands.
 */
final class StoredStreamCheck {

    record View(Phase phase, Instant detectedAt, Instant lastPhaseAt, Map<String, ResponderRole> responders,
                Map<String, Boolean> actionItems, int size) {
    }

    private final List<? extends DomainEventMessage<?>> events;
    private final Instant[] effectiveAt;
    private final List<Integer> phaseChanges = new ArrayList<>();
    private final Map<String, ResponderRole> responders = new LinkedHashMap<>();
    private final Map<String, Boolean> actionItems = new LinkedHashMap<>();
    private Phase phase;

    private StoredStreamCheck(List<? extends DomainEventMessage<?>> events) {
        this.events = events;
        this.effectiveAt = new Instant[events.size()];
    }

    static View check(List<? extends DomainEventMessage<?>> events) {
        return new StoredStreamCheck(events).run();
    }

    private View run() {
        require(!events.isEmpty(), -1, "a stored incident has at least its detection");
        for (int i = 0; i < events.size(); i++) {
            require(events.get(i).getSequenceNumber() == i, i, "sequence numbers run from 0 without gaps");
            var event = (IncidentEvent) events.get(i).getPayload();
            effectiveAt[i] = event.occurredAt();
            require(phase != Phase.LEARNED || event instanceof EntryCorrected, i,
                    "a learned incident takes nothing but corrections");
            fold(i, event);
        }
        var detectedAt = effectiveAt[0];
        Instant previous = detectedAt;
        for (int i : phaseChanges) {
            require(!effectiveAt[i].isBefore(previous), i, "phase times never decrease (corrections applied)");
            previous = effectiveAt[i];
        }
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i).getPayload();
            if (!(event instanceof InternalNoteAdded) && !(event instanceof EntryCorrected)) {
                require(!effectiveAt[i].isBefore(detectedAt), i, "only notes may precede detection");
            }
        }
        long commanders = responders.values().stream().filter(r -> r == ResponderRole.COMMANDER).count();
        require(commanders == (phase == Phase.DETECTED ? 0 : 1), events.size() - 1,
                "an acknowledged incident has exactly one commander, an unacknowledged one none");
        return new View(phase, detectedAt, previous, Map.copyOf(responders), Map.copyOf(actionItems), events.size());
    }

    private void fold(int i, IncidentEvent event) {
        if (event instanceof IncidentDetected) {
            require(i == 0, i, "only the first event is a detection");
            enter(i, Phase.DETECTED, phase == null);
        } else {
            require(i > 0, i, "the stream starts with a detection");
        }
        if (event instanceof IncidentAcknowledged e) {
            enter(i, Phase.ACKNOWLEDGED, phase == Phase.DETECTED);
            responders.put(e.commander(), ResponderRole.COMMANDER);
        } else if (event instanceof IncidentContained) {
            enter(i, Phase.CONTAINED, phase == Phase.ACKNOWLEDGED);
        } else if (event instanceof IncidentFixed) {
            enter(i, Phase.FIXED, phase == Phase.ACKNOWLEDGED || phase == Phase.CONTAINED);
        } else if (event instanceof IncidentReopened) {
            require(phase == Phase.FIXED, i, "only a fixed incident is reopened");
            phase = Phase.ACKNOWLEDGED;
            phaseChanges.add(i);
        } else if (event instanceof IncidentLearned) {
            enter(i, Phase.LEARNED, phase == Phase.FIXED);
        } else if (event instanceof ResponderAssigned e) {
            responders.put(e.responder(), e.role());
        } else if (event instanceof ResponderReleased e) {
            require(responders.get(e.responder()) == e.role(), i, "a release names the role the person held");
            responders.remove(e.responder());
        } else if (event instanceof ActionItemAdded e) {
            require(actionItems.put(e.actionItemId(), false) == null, i, "action item ids are unique");
        } else if (event instanceof ActionItemCompleted e) {
            require(Boolean.FALSE.equals(actionItems.put(e.actionItemId(), true)), i,
                    "an action item is completed once, after it was added");
        } else if (event instanceof EntryCorrected e) {
            int target = (int) e.correctedSequenceNumber();
            require(target >= 0 && target < i, i, "a correction targets an earlier entry");
            require(!(events.get(target).getPayload() instanceof EntryCorrected), i, "corrections are not corrected");
            if (e.correctedOccurredAt() != null) {
                effectiveAt[target] = e.correctedOccurredAt();
            }
        }
    }

    private void enter(int i, Phase next, boolean allowedFrom) {
        require(phase == null || next.compareTo(phase) > 0, i, "phases move forward only, except by reopening");
        require(allowedFrom, i, "phase " + next + " follows " + phase);
        phase = next;
        phaseChanges.add(i);
    }

    private void require(boolean holds, int index, String invariant) {
        if (!holds) {
            throw new AssertionError("Invariant broken at event " + index + ": " + invariant + "\n" + describe(events));
        }
    }

    static String describe(List<? extends DomainEventMessage<?>> events) {
        return events.stream().map(e -> "  " + e.getSequenceNumber() + " " + e.getPayload())
                .collect(Collectors.joining("\n"));
    }
}
