package io.incidentledger.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AddActionItem;
import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.AssessImpact;
import io.incidentledger.incident.AssignResponder;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.ContainIncident;
import io.incidentledger.incident.CorrectEntry;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.FixIncident;
import io.incidentledger.incident.IdentifyRootCause;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.LearnFromIncident;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PostPublicUpdate;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.RecordLesson;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

/**
 * A realistic incident, sent command by command with an actor and a known correlation id each:
 * detected, owned, public, contained by a rollback, fixed, a public update corrected, a commander
 * handover (one command, two events), then learned. Between steps it marks recorded instants
 * ({@link Run#at}) that fall strictly between the events recorded before and after them (the
 * store keeps recorded times to the millisecond).
 */
public final class CheckoutOutage {

    /** The 16 events, by sequence number. */
    public static final List<String> TYPES = List.of("IncidentDetected", "IncidentAcknowledged", "ImpactAssessed",
            "PublicUpdatePosted", "InternalNoteAdded", "IncidentContained", "PublicUpdatePosted", "IncidentFixed",
            "PublicUpdatePosted", "EntryCorrected", "ResponderReleased", "ResponderAssigned", "RootCauseIdentified",
            "LessonRecorded", "ActionItemAdded", "IncidentLearned");
    public static final String FIRST_UPDATE = "Some card payments at checkout are failing. We are investigating.";
    public static final String CORRECTED_UPDATE = "Some card payments are failing. We are investigating.";

    /**
     * @param at             recorded instants: beforeDetection, detected, public, fixed, corrected, learned
     * @param actors         who sent the command behind each event, by sequence number
     * @param correlationIds the correlation id of each event, by sequence number
     * @param occurredAt     the business time of each event, by sequence number
     */
    public record Run(String incidentId, Map<String, Instant> at, List<String> actors, List<String> correlationIds,
                      List<Instant> occurredAt) {
    }

    private final CommandGateway commands;
    private final String incidentId;
    private final Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, Instant> at = new LinkedHashMap<>();
    private final List<String> actors = new ArrayList<>();
    private final List<String> correlationIds = new ArrayList<>();
    private final List<Instant> occurredAt = new ArrayList<>();

    private CheckoutOutage(CommandGateway commands, String incidentId) {
        this.commands = commands;
        this.incidentId = incidentId;
    }

    public static Run run(CommandGateway commands) {
        return run(commands, IncidentId.generate().value());
    }

    public static Run run(CommandGateway commands, String incidentId) {
        return new CheckoutOutage(commands, incidentId).script();
    }

    private Run script() {
        var id = new IncidentId(incidentId);
        mark("beforeDetection");
        send("alertmanager", 1, new DetectIncident(id, "Checkout payments fail", Severity.SEV2,
                "Card payments fail for some customers.", List.of("checkout", "payments-gateway"),
                DetectionSource.MONITORING, minutes(0)));
        mark("detected");
        send("maria", 1, new AcknowledgeIncident(id, "maria", minutes(3)));
        send("lee", 1, new AssessImpact(id, "About 40% of card payments fail.", minutes(-5), 40.0,
                List.of(new AffectedComponent("Checkout", ComponentStatus.PARTIAL_OUTAGE)), minutes(5)));
        send("maria", 1, new PostPublicUpdate(id, FIRST_UPDATE, PublicStatus.INVESTIGATING, minutes(40), minutes(8)));
        mark("public");
        send("lee", 1, new AddInternalNote(id, "Rolling back deploy 4411 of payments-gateway; maria approves.",
                minutes(10)));
        send("lee", 1, new ContainIncident(id, Mitigation.ROLLBACK, "Rolled back payments-gateway to 4410.",
                minutes(15)));
        send("maria", 1, new PostPublicUpdate(id, "We rolled back a change; payments are recovering.",
                PublicStatus.IDENTIFIED, minutes(50), minutes(16)));
        send("lee", 1, new FixIncident(id, "Retry budget restored in payments-gateway.", "PR-1234", minutes(30)));
        send("maria", 1, new PostPublicUpdate(id, "Payments work normally again.", PublicStatus.RESOLVED, null,
                minutes(31)));
        mark("fixed");
        send("maria", 1, new CorrectEntry(id, 3, "The first update named the wrong scope.", CORRECTED_UPDATE, null,
                minutes(35)));
        mark("corrected");
        send("maria", 2, new AssignResponder(id, "sam", ResponderRole.COMMANDER, minutes(36)));
        send("sam", 1, new IdentifyRootCause(id, List.of("Payments failed", "Retries were exhausted at once"),
                "A retry budget of zero shipped in deploy 4411.", "deploy 4411", "No load test covers retries.",
                minutes(40)));
        send("sam", 1, new RecordLesson(id, LessonCategory.WENT_WELL, "The rollback took five minutes.", minutes(41)));
        send("sam", 1, new AddActionItem(id, "AI-1", "Add a load test for payment retries.", ActionItemKind.PREVENT,
                "payments", LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(14), minutes(42)));
        send("sam", 1, new LearnFromIncident(id, "A retry budget of zero failed card payments; a rollback fixed it.",
                minutes(45)));
        mark("learned");
        return new Run(incidentId, Map.copyOf(at), List.copyOf(actors), List.copyOf(correlationIds),
                List.copyOf(occurredAt));
    }

    private Instant minutes(int minutes) {
        return base.plus(minutes, ChronoUnit.MINUTES);
    }

    private void send(String actor, int events, Object command) {
        var correlationId = UUID.randomUUID().toString();
        var metaData = MetaData.with("actor", actor).and("traceId", "trace-" + correlationId);
        // The message id becomes the events' correlation id (Axon's MessageOriginProvider).
        commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(correlationId, command, metaData),
                command.getClass().getName()));
        var time = occurredAtOf(command);
        for (int i = 0; i < events; i++) {
            actors.add(actor);
            correlationIds.add(correlationId);
            occurredAt.add(time);
        }
    }

    private static Instant occurredAtOf(Object command) {
        try {
            return (Instant) command.getClass().getMethod("occurredAt").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A recorded instant after every event so far and before every later one: the store keeps
     * recorded times to the millisecond, so the next event waits for the next millisecond.
     */
    private void mark(String name) {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        at.put(name, now);
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(now)) {
            Thread.onSpinWait();
        }
    }
}
