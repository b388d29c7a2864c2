package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.incidentledger.Api;

/**
 * One incident with a random but valid history, recorded over HTTP. Every internal text carries
 * a unique marker and every person a unique name ({@link Markers#secrets}); public updates carry
 * their own unique words ({@link Markers#publicWords}) and, often, a responder's full name that
 * customers must never see. Its last entry, when it is public, is a correction of its first
 * update to {@link #fence}: once customers see that, every earlier entry has reached them too
 * (one incident's events are applied in order).
 */
final class RandomIncident {

    private static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");
    private static final List<String> ROLES = List.of("COMMUNICATIONS", "OPERATIONS", "SUBJECT_MATTER_EXPERT", "SCRIBE");
    private static final List<String> COMPONENT_STATUSES = List.of("DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "MAJOR_OUTAGE");

    final Markers markers;
    final String id;
    String fence;

    private final Api api;
    private final Random random;
    private final Set<String> assigned = new LinkedHashSet<>();
    /** Everyone who was ever in the response: the names the engine knows and keeps out of public text. */
    private final List<String> known = new ArrayList<>();
    /** Named in a public update before joining: they must join before the fence. */
    private final List<String> joinLater = new ArrayList<>();
    private final List<Long> notes = new ArrayList<>();
    private final List<Long> updates = new ArrayList<>();
    private final Map<String, Boolean> actionItems = new HashMap<>();
    private String phase = "DETECTED";
    private String severity;
    private String commander;

    private RandomIncident(Api api, Random random) {
        this.api = api;
        this.random = random;
        this.markers = new Markers(random);
        this.severity = pick(SEVERITIES);
        var detected = api.post("/api/incidents").json(Map.of("title", "Title " + markers.secret(),
                "severity", severity, "summary", "Summary " + markers.secret() + " about " + markers.person(),
                "affectedServices", List.of("svc-" + markers.secret()), "source", "EMPLOYEE")).send();
        assertThat(detected.status()).as(detected.toString()).isEqualTo(201);
        this.id = detected.json().get("incidentId").asString();
    }

    /** Records a random history of {@code steps} entries, then the fence when the incident is public. */
    static RandomIncident record(Api api, Random random, int steps) {
        var incident = new RandomIncident(api, random);
        for (int i = 0; i < steps && !incident.phase.equals("LEARNED"); i++) {
            incident.step();
        }
        incident.everyoneNamedJoins();
        if (!incident.updates.isEmpty()) {
            incident.fence = "Fence " + incident.markers.publicWord() + ".";
            incident.write("/corrections", Map.of("sequenceNumber", incident.updates.get(0), "reason", incident.because(),
                    "replacementText", incident.fence));
        }
        return incident;
    }

    private void step() {
        var open = !phase.equals("DETECTED");
        switch (random.nextInt(open ? 14 : 6)) {
            case 0 -> note();
            case 1, 2 -> publicUpdate();
            case 3 -> write("/impact", Map.of("description", "Impact " + markers.secret(),
                    "affectedUsersPercent", random.nextInt(101), "components", List.of(Map.of(
                            "name", "Component " + markers.publicWord(), "status", pick(COMPONENT_STATUSES)))));
            case 4 -> changeSeverity();
            case 5 -> {
                if (phase.equals("DETECTED")) {
                    acknowledge();
                } else {
                    correctSomething();
                }
            }
            case 6 -> assign();
            case 7 -> release();
            case 8 -> respond();
            case 9 -> write("/root-cause", Map.of("whys", List.of("Why " + markers.secret(), "Why " + markers.secret()),
                    "rootCause", "Cause " + markers.secret(), "trigger", "Trigger " + markers.secret(),
                    "whyNotCaught", "Missed " + markers.secret()));
            case 10 -> write("/lessons", Map.of("category", pick(List.of("WENT_WELL", "WENT_WRONG", "GOT_LUCKY")),
                    "text", "Lesson " + markers.secret() + " from " + anyone()));
            case 11 -> actionItem();
            case 12 -> correctSomething();
            default -> afterTheFix();
        }
    }

    private void publicUpdate() {
        var status = phase.equals("FIXED") ? "RESOLVED" : pick(List.of("INVESTIGATING", "IDENTIFIED", "MONITORING"));
        // Names customers must not see: often someone already in the response, sometimes someone who joins later.
        var message = "Update " + markers.publicWord()
                + (random.nextBoolean() ? ". " + responderNamedInPublic() + " is on it." : ".");
        updates.add(write("/public-updates", Map.of("message", message, "status", status)));
    }

    private void changeSeverity() {
        var to = pick(SEVERITIES.stream().filter(s -> !s.equals(severity)).toList());
        write("/severity", Map.of("severity", to, "reason", "Reason " + markers.secret()));
        severity = to;
    }

    private void acknowledge() {
        commander = joinLater.isEmpty() ? markers.person() : joinLater.remove(0);
        write("/acknowledgement", Map.of("commander", commander));
        assigned.add(commander);
        known.add(commander);
        phase = "ACKNOWLEDGED";
    }

    private void assign() {
        var responder = joinLater.isEmpty() ? markers.person() : joinLater.remove(0);
        var commands = random.nextInt(5) == 0;
        write("/responders", Map.of("responder", responder, "role", commands ? "COMMANDER" : pick(ROLES)));
        if (commands) {
            // the former commander is released by the handover
            assigned.remove(commander);
            commander = responder;
        }
        assigned.add(responder);
        known.add(responder);
    }

    private void release() {
        var others = assigned.stream().filter(name -> !name.equals(commander)).toList();
        if (others.isEmpty()) {
            assign();
            return;
        }
        var responder = pick(others);
        var released = api.delete("/api/incidents/" + id + "/responders/" + responder.replace(" ", "%20")).send();
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assigned.remove(responder);
    }

    private void respond() {
        if (phase.equals("ACKNOWLEDGED") && random.nextBoolean()) {
            write("/containment", Map.of("mitigation", pick(List.of("ROLLBACK", "FEATURE_DISABLED", "ACCESS_LIMITED")),
                    "description", "Contained " + markers.secret()));
            phase = "CONTAINED";
        } else if (phase.equals("ACKNOWLEDGED") || phase.equals("CONTAINED")) {
            write("/fix", Map.of("resolution", "Fixed " + markers.secret(), "fixReference", "PR-" + markers.secret()));
            phase = "FIXED";
        } else {
            afterTheFix();
        }
    }

    private void afterTheFix() {
        if (!phase.equals("FIXED")) {
            note();
        } else if (random.nextInt(3) == 0) {
            write("/reopening", Map.of("reason", "Back " + markers.secret() + " says " + anyone()));
            phase = "ACKNOWLEDGED";
        } else {
            everyoneNamedJoins();
            write("/learning", Map.of("postmortemSummary", "Learned " + markers.secret()));
            phase = "LEARNED";
        }
    }

    private void actionItem() {
        var open = actionItems.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        if (!open.isEmpty() && random.nextBoolean()) {
            var item = pick(open);
            write("/action-items/" + item + "/completion", Map.of());
            actionItems.put(item, true);
            return;
        }
        var item = "AI-" + (actionItems.size() + 1);
        write("/action-items", Map.of("actionItemId", item, "description", "Action " + markers.secret(),
                "kind", pick(List.of("PREVENT", "DETECT", "MITIGATE", "PROCESS")), "ownerTeam", "team-" + markers.secret()));
        actionItems.put(item, false);
    }

    private void correctSomething() {
        if (!updates.isEmpty() && random.nextBoolean()) {
            write("/corrections", Map.of("sequenceNumber", pick(updates), "reason", because(),
                    "replacementText", "Corrected " + markers.publicWord() + ". " + responderNamedInPublic()
                            + " fixed the wording."));
        } else if (!notes.isEmpty()) {
            write("/corrections", Map.of("sequenceNumber", pick(notes), "reason", because(),
                    "replacementText", "Corrected note " + markers.secret()));
        } else {
            note();
        }
    }

    private void note() {
        notes.add(write("/notes", Map.of("note", "Note " + markers.secret() + " by " + anyone())));
    }

    /**
     * The engine can only keep out of public text the names it knows: its commanders and
     * responders. So a name in a public update is someone in the response, or someone who joins
     * before the incident's last entry (the engine then takes it out of earlier updates too).
     */
    private String responderNamedInPublic() {
        if (!known.isEmpty() && random.nextBoolean()) {
            return pick(known);
        }
        var newcomer = markers.person();
        joinLater.add(newcomer);
        return newcomer;
    }

    private void everyoneNamedJoins() {
        while (!joinLater.isEmpty()) {
            if (phase.equals("DETECTED")) {
                acknowledge();
            } else {
                assign();
            }
        }
    }

    /** A POST that must succeed; returns the sequence number of the entry it recorded. */
    private long write(String path, Map<String, ?> body) {
        var response = api.post("/api/incidents/" + id + path).json(body).send();
        assertThat(response.status()).as("POST " + path + " " + body + " -> " + response).isEqualTo(200);
        return response.version();
    }

    private String because() {
        return "Because " + markers.secret();
    }

    /** Someone in the response, or a new person (who may or may not join later). */
    private String anyone() {
        return markers.people.isEmpty() || random.nextInt(4) == 0 ? markers.person() : pick(markers.people);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
