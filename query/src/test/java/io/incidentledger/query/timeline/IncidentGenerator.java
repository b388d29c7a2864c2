package io.incidentledger.query.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.IncidentStream;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Random incident histories in which every internal text, every person's name and every actor
 * carries a unique marker "LEAK&lt;n&gt;", and public updates often mention responders by name.
 * Public text itself never contains a marker except through such a name.
 */
final class IncidentGenerator {

    static final String MARKER = "LEAK";
    private static final String[] COMPONENTS = {"Checkout", "API", "Search", "Login", "Webhooks"};
    private static final String[] PHRASES = {"We are investigating errors on", "We identified the cause affecting",
        "A fix is rolling out for", "We are monitoring", "Service is restored for"};
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final Random random;
    private int markers;
    private int nameMentions;

    IncidentGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** How many public updates the generated histories wrote with a responder's name in them. */
    int nameMentions() {
        return nameMentions;
    }

    /** {@code count} incidents, interleaved as a global stream would be, each one's order kept. */
    List<DomainEventMessage<IncidentEvent>> incidents(int count) {
        var streams = new ArrayList<LinkedList<DomainEventMessage<IncidentEvent>>>();
        for (int i = 0; i < count; i++) {
            streams.add(new LinkedList<>(incident("INC-G" + i, START.plus(Duration.ofHours(i))).messages()));
        }
        var all = new ArrayList<DomainEventMessage<IncidentEvent>>();
        while (!streams.isEmpty()) {
            var stream = streams.get(random.nextInt(streams.size()));
            all.add(stream.removeFirst());
            if (stream.isEmpty()) {
                streams.remove(stream);
            }
        }
        return all;
    }

    private String marker() {
        return MARKER + (markers++);
    }

    private String name() {
        return switch (random.nextInt(3)) {
            case 0 -> "Ana " + marker();
            case 1 -> marker().toLowerCase() + ".bob@corp.example";
            default -> "Jo-" + marker() + " Smith";
        };
    }

    private String mention(String name) {
        return switch (random.nextInt(3)) {
            case 0 -> name;
            case 1 -> name.toUpperCase();
            default -> name.toLowerCase() + "'s team";
        };
    }

    private IncidentStream incident(String incidentId, Instant detectedAt) {
        var s = new IncidentStream(incidentId, detectedAt.plusSeconds(1));
        var id = s.id();
        var people = new ArrayList<String>();
        var publicUpdates = new ArrayList<Long>();
        var time = new Instant[] {detectedAt};
        Runnable tick = () -> time[0] = time[0].plus(Duration.ofMinutes(1 + random.nextInt(10)));
        s.record(new IncidentDetected(id, "Title " + marker(), pick(Severity.values()), "Summary " + marker(),
                List.of("svc-" + random.nextInt(4)), pick(DetectionSource.values()), time[0]), "actor-" + marker());
        var commander = name();
        people.add(commander);
        s.record(new IncidentAcknowledged(id, commander, time[0]), actor(people));
        boolean contained = false;
        boolean fixed = false;
        int steps = 5 + random.nextInt(25);
        for (int step = 0; step < steps; step++) {
            tick.run();
            var at = time[0];
            switch (random.nextInt(12)) {
                case 0 -> {
                    var responder = name();
                    people.add(responder);
                    s.record(new ResponderAssigned(id, responder, pick(ResponderRole.values()), at), actor(people));
                }
                case 1 -> s.record(new ResponderReleased(id, pick(people), ResponderRole.OPERATIONS, at), actor(people));
                case 2 -> s.record(new InternalNoteAdded(id, "Note " + marker() + " about " + pick(people), at),
                        actor(people));
                case 3 -> s.record(new ImpactAssessed(id, "Impact " + marker(), at.minusSeconds(600),
                        random.nextDouble() * 100, components(), at), actor(people));
                case 4, 5 -> {
                    publicUpdates.add(s.nextSequenceNumber());
                    s.record(new PublicUpdatePosted(id, publicText(people), pickStatus(fixed),
                            random.nextBoolean() ? at.plusSeconds(1800) : null, at), actor(people));
                }
                case 6 -> s.record(new SeverityChanged(id, Severity.SEV3, pick(Severity.values()), "Reason " + marker(),
                        at), actor(people));
                case 7 -> {
                    if (!contained && !fixed) {
                        contained = true;
                        s.record(new IncidentContained(id, pick(Mitigation.values()), "Contain " + marker(), at),
                                actor(people));
                    }
                }
                case 8 -> {
                    if (fixed) {
                        fixed = false;
                        contained = false;
                        s.record(new IncidentReopened(id, "Reopen " + marker(), at), actor(people));
                    } else {
                        fixed = true;
                        s.record(new IncidentFixed(id, "Fix " + marker(), "PR-" + marker(), at), actor(people));
                    }
                }
                case 9 -> correct(s, id, people, publicUpdates, at);
                case 10 -> s.record(new RootCauseIdentified(id, List.of("Why " + marker()), "Cause " + marker(),
                        "Trigger " + marker(), "Missed " + marker(), at), actor(people));
                default -> {
                    s.record(new LessonRecorded(id, pick(LessonCategory.values()), "Lesson " + marker(), at),
                            actor(people));
                    s.record(new ActionItemAdded(id, "AI-" + marker(), "Do " + marker(), pick(ActionItemKind.values()),
                            "team-" + marker(), null, at), actor(people));
                }
            }
        }
        if (fixed && random.nextBoolean()) {
            s.record(new PublicUpdatePosted(id, "Service is restored.", PublicStatus.RESOLVED, null, time[0]),
                    actor(people));
            s.record(new IncidentLearned(id, "Summary " + marker(), time[0].plusSeconds(3600)), actor(people));
        }
        return s;
    }

    private void correct(IncidentStream s, IncidentId id, List<String> people,
                         List<Long> publicUpdates, Instant at) {
        boolean ofPublic = !publicUpdates.isEmpty() && random.nextBoolean();
        long target = ofPublic ? pick(publicUpdates) : random.nextInt((int) s.nextSequenceNumber());
        while (!ofPublic && publicUpdates.contains(target)) {
            target = random.nextInt((int) s.nextSequenceNumber());
        }
        // A public update's replacement is public text; anything else's is internal, so marked.
        var replacement = ofPublic ? publicText(people) : "Replacement " + marker();
        s.record(new EntryCorrected(id, target, "Because " + marker(), replacement,
                random.nextBoolean() ? at.minusSeconds(60) : null, at), actor(people));
    }

    private String publicText(List<String> people) {
        var text = pick(PHRASES) + " " + pick(COMPONENTS) + ".";
        if (random.nextInt(3) == 0) {
            nameMentions++;
            text = text + " " + mention(pick(people)) + " is on it.";
        }
        return text;
    }

    private List<AffectedComponent> components() {
        var affected = new ArrayList<AffectedComponent>();
        for (var component : COMPONENTS) {
            if (random.nextInt(3) == 0) {
                affected.add(new AffectedComponent(component,
                        ComponentStatus.values()[1 + random.nextInt(ComponentStatus.values().length - 1)]));
            }
        }
        return affected;
    }

    private PublicStatus pickStatus(boolean fixed) {
        var statuses = PublicStatus.values();
        return statuses[random.nextInt(fixed ? statuses.length : statuses.length - 1)];
    }

    private String actor(List<String> people) {
        return random.nextInt(4) == 0 ? "actor-" + marker() : pick(people);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
