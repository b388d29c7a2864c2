package io.incidentledger.incidents;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.Incident;
import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;

/**
 * Wraps every Incident command inside its unit of work and database transaction:
 * <ol>
 *   <li>loads the incident first, which takes the aggregate's lock, so what follows cannot race
 *       another command on this node (across nodes the event store's unique key decides);</li>
 *   <li>answers a retry whose Idempotency-Key is already stored with the stored answer, running
 *       nothing; the same key with another request is refused;</li>
 *   <li>refuses a detection whose incident id exists, and a write whose If-Match version is not
 *       the incident's, before the aggregate sees the command (RFC 9110 evaluates preconditions
 *       first; Axon's own expected-version check lets the handler run for an older version);</li>
 *   <li>runs the command and answers with the incident's version after its events;</li>
 *   <li>stores the idempotency key in the same transaction as those events.</li>
 * </ol>
 */
class IncidentWriteInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();
    private static final Package INCIDENT_COMMANDS = Incident.class.getPackage();

    private final Supplier<Repository<Incident>> incidents;
    private final Supplier<EventStore> eventStore;
    private final IdempotencyKeys idempotencyKeys;

    IncidentWriteInterceptor(Supplier<Repository<Incident>> incidents, Supplier<EventStore> eventStore,
                             IdempotencyKeys idempotencyKeys) {
        this.incidents = incidents;
        this.eventStore = eventStore;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var command = unitOfWork.getMessage();
        if (!INCIDENT_COMMANDS.equals(command.getPayloadType().getPackage())) {
            return chain.proceed();
        }
        var incidentId = TARGETS.resolveTarget(command).getIdentifier();
        var creation = command.getPayload() instanceof DetectIncident;
        var versionBefore = creation ? null : incidents.get().load(incidentId).version();

        var metaData = command.getMetaData();
        var key = metaData.get(WriteMetaData.IDEMPOTENCY_KEY) instanceof String k
                && metaData.get(WriteMetaData.FINGERPRINT) instanceof String ? k : null;
        var actor = Objects.toString(metaData.get(WriteMetaData.ACTOR), "");
        if (key != null) {
            var earlier = idempotencyKeys.find(actor, key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), metaData);
            }
        }
        if (creation) {
            requireNew(incidentId);
        } else {
            requireExpectedVersion(metaData, versionBefore);
        }

        chain.proceed();
        var outcome = new CommandOutcome(incidentId, incidents.get().load(incidentId).version(), false);
        if (key != null) {
            idempotencyKeys.remember(actor, key, (String) metaData.get(WriteMetaData.FINGERPRINT), outcome);
        }
        return outcome;
    }

    private static CommandOutcome replay(IdempotencyKeys.Remembered earlier, MetaData metaData) {
        if (!earlier.fingerprint().equals(metaData.get(WriteMetaData.FINGERPRINT))) {
            throw new Refusal(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return new CommandOutcome(earlier.incidentId(), earlier.version(), true);
    }

    private void requireNew(String incidentId) {
        if (eventStore.get().lastSequenceNumberFor(incidentId).isPresent()) {
            throw new Refusal(ProblemCode.INCIDENT_EXISTS, "An incident with id " + incidentId + " already exists.");
        }
    }

    private static void requireExpectedVersion(MetaData metaData, Long current) {
        if (metaData.get(WriteMetaData.EXPECTED_VERSION) instanceof Number expected
                && expected.longValue() != current) {
            throw new Refusal(ProblemCode.VERSION_MISMATCH,
                    "The incident is at version " + current + ", not " + expected + " as If-Match expects; "
                            + "nothing was recorded. Read it again and decide.",
                    Map.of("currentVersion", current));
        }
    }
}
