package io.incidentledger.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * One incident, from detection to learning. Command handlers hold every lifecycle rule and
 * throw {@link IncidentRejected} before anything is applied; event-sourcing handlers only
 * assign fields. The fields are what a snapshot carries, so they stay small; the revision names
 * their shape, so a snapshot of an older shape is ignored (the incident replays from its events)
 * rather than failing to load.
 */
@Revision("1")
public class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private Phase phase;
    private Severity severity;
    private Instant detectedAt;
    /** The latest phase change, reopening included: the next phase cannot lie before it. */
    private Instant lastPhaseAt;
    /** The earliest entry that may not precede detection; a corrected detection time may not pass it. */
    private Instant earliestResponseAt;
    private String commander;
    private Map<String, ResponderRole> responders = new LinkedHashMap<>();
    private Map<String, Boolean> actionItemsCompleted = new LinkedHashMap<>();
    private List<PhaseMark> phaseMarks = new ArrayList<>();
    private EntryLog entries = new EntryLog();

    /**
     * The only constructor. Detection is an instance handler with a creation policy rather than a
     * command-handling constructor, so Jackson cannot mistake it for a creator when it reads a
     * snapshot back.
     */
    protected Incident() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(DetectIncident command, TimePolicy time) {
        var at = time.occurredAt(command.occurredAt());
        apply(new IncidentDetected(command.incidentId(), command.title(), command.severity(), command.summary(),
                command.affectedServices(), command.source(), at));
    }

    @CommandHandler
    void handle(AcknowledgeIncident command, TimePolicy time) {
        requireOpen();
        if (phase != Phase.DETECTED) {
            throw Rejection.ALREADY_ACKNOWLEDGED.exception();
        }
        apply(new IncidentAcknowledged(incidentId, command.commander(), phaseTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(AssignResponder command, TimePolicy time) {
        requireOpen();
        var current = responders.get(command.responder());
        if (current == command.role()) {
            throw Rejection.RESPONDER_ALREADY_ASSIGNED.exception();
        }
        if (command.role() == ResponderRole.COMMANDER && phase == Phase.DETECTED) {
            throw Rejection.NOT_ACKNOWLEDGED.exception("Acknowledging the incident makes its commander.");
        }
        if (current == ResponderRole.COMMANDER) {
            throw Rejection.COMMANDER_REQUIRED.exception();
        }
        var at = entryTime(command.occurredAt(), time);
        if (command.role() == ResponderRole.COMMANDER) {
            apply(new ResponderReleased(incidentId, commander, ResponderRole.COMMANDER, at));
        }
        apply(new ResponderAssigned(incidentId, command.responder(), command.role(), at));
    }

    @CommandHandler
    void handle(ReleaseResponder command, TimePolicy time) {
        requireOpen();
        var role = responders.get(command.responder());
        if (role == null) {
            throw Rejection.RESPONDER_NOT_ASSIGNED.exception();
        }
        if (role == ResponderRole.COMMANDER) {
            throw Rejection.COMMANDER_REQUIRED.exception();
        }
        apply(new ResponderReleased(incidentId, command.responder(), role, entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(ChangeSeverity command, TimePolicy time) {
        requireOpen();
        if (command.severity() == severity) {
            throw Rejection.SEVERITY_UNCHANGED.exception();
        }
        apply(new SeverityChanged(incidentId, severity, command.severity(), command.reason(),
                entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(AssessImpact command, TimePolicy time) {
        requireOpen();
        var at = entryTime(command.occurredAt(), time);
        var impactStartedAt = micros(command.impactStartedAt());
        if (impactStartedAt != null && impactStartedAt.isAfter(at)) {
            throw Rejection.IMPACT_START_AFTER_ASSESSMENT.exception();
        }
        apply(new ImpactAssessed(incidentId, command.description(), impactStartedAt, command.affectedUsersPercent(),
                command.components(), at));
    }

    @CommandHandler
    void handle(AddInternalNote command, TimePolicy time) {
        requireOpen();
        // A note may record the lead-up, so it is the one entry allowed before detection.
        apply(new InternalNoteAdded(incidentId, command.note(), time.occurredAt(command.occurredAt())));
    }

    @CommandHandler
    void handle(PostPublicUpdate command, TimePolicy time) {
        requireOpen();
        if (command.status() == PublicStatus.RESOLVED && phase != Phase.FIXED) {
            throw Rejection.RESOLVED_BEFORE_FIX.exception();
        }
        var at = entryTime(command.occurredAt(), time);
        var nextUpdateDue = micros(command.nextUpdateDue());
        if (nextUpdateDue != null && !nextUpdateDue.isAfter(at)) {
            throw Rejection.NEXT_UPDATE_NOT_AFTER_POST.exception();
        }
        apply(new PublicUpdatePosted(incidentId, command.message(), command.status(), nextUpdateDue, at));
    }

    @CommandHandler
    void handle(ContainIncident command, TimePolicy time) {
        requireOpen();
        switch (phase) {
            case DETECTED -> throw Rejection.NOT_ACKNOWLEDGED.exception();
            case CONTAINED -> throw Rejection.ALREADY_CONTAINED.exception();
            case FIXED -> throw Rejection.ALREADY_FIXED.exception();
            default -> { }
        }
        apply(new IncidentContained(incidentId, command.mitigation(), command.description(),
                phaseTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(FixIncident command, TimePolicy time) {
        requireOpen();
        switch (phase) {
            case DETECTED -> throw Rejection.NOT_ACKNOWLEDGED.exception();
            case FIXED -> throw Rejection.ALREADY_FIXED.exception();
            default -> { }
        }
        apply(new IncidentFixed(incidentId, command.resolution(), command.fixReference(),
                phaseTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(IdentifyRootCause command, TimePolicy time) {
        requireOpen();
        apply(new RootCauseIdentified(incidentId, command.whys(), command.rootCause(), command.trigger(),
                command.whyNotCaught(), entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(RecordLesson command, TimePolicy time) {
        requireOpen();
        apply(new LessonRecorded(incidentId, command.category(), command.text(), entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(AddActionItem command, TimePolicy time) {
        requireOpen();
        if (actionItemsCompleted.containsKey(command.actionItemId())) {
            throw Rejection.ACTION_ITEM_EXISTS.exception();
        }
        apply(new ActionItemAdded(incidentId, command.actionItemId(), command.description(), command.kind(),
                command.ownerTeam(), command.dueDate(), entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(CompleteActionItem command, TimePolicy time) {
        requireOpen();
        var completed = actionItemsCompleted.get(command.actionItemId());
        if (completed == null) {
            throw Rejection.ACTION_ITEM_UNKNOWN.exception();
        }
        if (completed) {
            throw Rejection.ACTION_ITEM_ALREADY_COMPLETED.exception();
        }
        apply(new ActionItemCompleted(incidentId, command.actionItemId(), entryTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(ReopenIncident command, TimePolicy time) {
        requireOpen();
        if (phase != Phase.FIXED) {
            throw Rejection.NOT_FIXED.exception();
        }
        apply(new IncidentReopened(incidentId, command.reason(), phaseTime(command.occurredAt(), time)));
    }

    @CommandHandler
    void handle(LearnFromIncident command, TimePolicy time) {
        requireOpen();
        if (phase != Phase.FIXED) {
            throw Rejection.NOT_FIXED.exception();
        }
        apply(new IncidentLearned(incidentId, command.postmortemSummary(), phaseTime(command.occurredAt(), time)));
    }

    /** The one command a learned incident still takes: history is never edited, only corrected. */
    @CommandHandler
    void handle(CorrectEntry command, TimePolicy time) {
        var target = command.sequenceNumber();
        if (!entries.exists(target)) {
            throw Rejection.ENTRY_NOT_FOUND.exception("This incident has entries 0 to " + (entries.size() - 1) + ".");
        }
        var kind = entries.kindOf(target);
        if (kind == EntryKind.CORRECTION) {
            throw Rejection.ENTRY_NOT_CORRECTABLE.exception();
        }
        if (command.replacementText() != null && !kind.hasText) {
            throw Rejection.ENTRY_HAS_NO_TEXT.exception();
        }
        var corrected = micros(command.correctedOccurredAt());
        if (corrected != null) {
            time.requireNotInFuture(corrected);
            checkCorrectedTime(target, kind, corrected);
        }
        var at = time.occurredAt(command.occurredAt());
        if (at.isBefore(detectedAt)) {
            throw Rejection.OCCURRED_BEFORE_DETECTION.exception();
        }
        apply(new EntryCorrected(incidentId, target, command.reason(), command.replacementText(), corrected, at));
    }

    private void checkCorrectedTime(long target, EntryKind kind, Instant corrected) {
        if (!kind.marksPhase()) {
            if (!kind.mayPrecedeDetection() && corrected.isBefore(detectedAt)) {
                throw Rejection.OCCURRED_BEFORE_DETECTION.exception();
            }
            return;
        }
        int index = markIndex(target);
        if (index > 0 && corrected.isBefore(phaseMarks.get(index - 1).at())) {
            throw Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE.exception();
        }
        if (index + 1 < phaseMarks.size() && corrected.isAfter(phaseMarks.get(index + 1).at())) {
            throw Rejection.OCCURRED_AFTER_NEXT_PHASE.exception();
        }
        if (kind == EntryKind.DETECTION && earliestResponseAt != null && corrected.isAfter(earliestResponseAt)) {
            throw Rejection.DETECTION_AFTER_RESPONSE.exception();
        }
    }

    private void requireOpen() {
        if (phase == Phase.LEARNED) {
            throw Rejection.INCIDENT_CLOSED.exception();
        }
    }

    /** The time of an entry of the response: never before detection. */
    private Instant entryTime(Instant requested, TimePolicy time) {
        var at = time.occurredAt(requested);
        if (at.isBefore(detectedAt)) {
            throw Rejection.OCCURRED_BEFORE_DETECTION.exception("The incident was detected at " + detectedAt + ".");
        }
        return at;
    }

    /** The time of a phase change: never before detection, never before the previous phase change. */
    private Instant phaseTime(Instant requested, TimePolicy time) {
        var at = entryTime(requested, time);
        if (at.isBefore(lastPhaseAt)) {
            throw Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE.exception("The previous phase changed at " + lastPhaseAt + ".");
        }
        return at;
    }

    private int markIndex(long sequenceNumber) {
        for (int i = 0; i < phaseMarks.size(); i++) {
            if (phaseMarks.get(i).sequenceNumber() == sequenceNumber) {
                return i;
            }
        }
        throw new IllegalStateException("no phase mark at " + sequenceNumber);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    // Event-sourcing handlers: assignments only.

    @EventSourcingHandler
    void on(IncidentDetected event, @SequenceNumber long sequenceNumber) {
        incidentId = event.incidentId();
        severity = event.severity();
        detectedAt = event.occurredAt();
        enterPhase(Phase.DETECTED, event.occurredAt(), sequenceNumber, EntryKind.DETECTION);
    }

    @EventSourcingHandler
    void on(IncidentAcknowledged event, @SequenceNumber long sequenceNumber) {
        commander = event.commander();
        responders.put(event.commander(), ResponderRole.COMMANDER);
        enterPhase(Phase.ACKNOWLEDGED, event.occurredAt(), sequenceNumber, EntryKind.ACKNOWLEDGEMENT);
    }

    @EventSourcingHandler
    void on(ResponderAssigned event, @SequenceNumber long sequenceNumber) {
        if (event.role() == ResponderRole.COMMANDER) {
            commander = event.responder();
        }
        responders.put(event.responder(), event.role());
        recordEntry(sequenceNumber, EntryKind.RESPONDER_CHANGE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ResponderReleased event, @SequenceNumber long sequenceNumber) {
        responders.remove(event.responder());
        if (event.responder().equals(commander)) {
            commander = null;
        }
        recordEntry(sequenceNumber, EntryKind.RESPONDER_CHANGE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(SeverityChanged event, @SequenceNumber long sequenceNumber) {
        severity = event.to();
        recordEntry(sequenceNumber, EntryKind.SEVERITY_CHANGE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ImpactAssessed event, @SequenceNumber long sequenceNumber) {
        recordEntry(sequenceNumber, EntryKind.IMPACT_ASSESSMENT, event.occurredAt());
    }

    @EventSourcingHandler
    void on(InternalNoteAdded event, @SequenceNumber long sequenceNumber) {
        recordEntry(sequenceNumber, EntryKind.INTERNAL_NOTE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(PublicUpdatePosted event, @SequenceNumber long sequenceNumber) {
        recordEntry(sequenceNumber, EntryKind.PUBLIC_UPDATE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(IncidentContained event, @SequenceNumber long sequenceNumber) {
        enterPhase(Phase.CONTAINED, event.occurredAt(), sequenceNumber, EntryKind.CONTAINMENT);
    }

    @EventSourcingHandler
    void on(IncidentFixed event, @SequenceNumber long sequenceNumber) {
        enterPhase(Phase.FIXED, event.occurredAt(), sequenceNumber, EntryKind.FIX);
    }

    @EventSourcingHandler
    void on(RootCauseIdentified event, @SequenceNumber long sequenceNumber) {
        recordEntry(sequenceNumber, EntryKind.ROOT_CAUSE, event.occurredAt());
    }

    @EventSourcingHandler
    void on(LessonRecorded event, @SequenceNumber long sequenceNumber) {
        recordEntry(sequenceNumber, EntryKind.LESSON, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ActionItemAdded event, @SequenceNumber long sequenceNumber) {
        actionItemsCompleted.put(event.actionItemId(), false);
        recordEntry(sequenceNumber, EntryKind.ACTION_ITEM, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ActionItemCompleted event, @SequenceNumber long sequenceNumber) {
        actionItemsCompleted.put(event.actionItemId(), true);
        recordEntry(sequenceNumber, EntryKind.ACTION_ITEM_COMPLETION, event.occurredAt());
    }

    @EventSourcingHandler
    void on(IncidentReopened event, @SequenceNumber long sequenceNumber) {
        enterPhase(Phase.ACKNOWLEDGED, event.occurredAt(), sequenceNumber, EntryKind.REOPENING);
    }

    @EventSourcingHandler
    void on(IncidentLearned event, @SequenceNumber long sequenceNumber) {
        enterPhase(Phase.LEARNED, event.occurredAt(), sequenceNumber, EntryKind.LEARNING);
    }

    @EventSourcingHandler
    void on(EntryCorrected event, @SequenceNumber long sequenceNumber) {
        entries.record(sequenceNumber, EntryKind.CORRECTION);
        var corrected = event.correctedOccurredAt();
        if (corrected == null) {
            return;
        }
        var kind = entries.kindOf(event.correctedSequenceNumber());
        if (kind.marksPhase()) {
            int index = markIndex(event.correctedSequenceNumber());
            phaseMarks.set(index, phaseMarks.get(index).at(corrected));
            detectedAt = phaseMarks.get(0).at();
            lastPhaseAt = phaseMarks.get(phaseMarks.size() - 1).at();
        }
        if (kind != EntryKind.DETECTION && !kind.mayPrecedeDetection()) {
            earliestResponseAt = earliestResponseAt == null || corrected.isBefore(earliestResponseAt)
                    ? corrected : earliestResponseAt;
        }
    }

    private void enterPhase(Phase next, Instant at, long sequenceNumber, EntryKind kind) {
        phase = next;
        lastPhaseAt = at;
        phaseMarks.add(new PhaseMark(sequenceNumber, next, at));
        recordEntry(sequenceNumber, kind, at);
    }

    private void recordEntry(long sequenceNumber, EntryKind kind, Instant at) {
        entries.record(sequenceNumber, kind);
        if (kind != EntryKind.DETECTION && !kind.mayPrecedeDetection()
                && (earliestResponseAt == null || at.isBefore(earliestResponseAt))) {
            earliestResponseAt = at;
        }
    }
}
