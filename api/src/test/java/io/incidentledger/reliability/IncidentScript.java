package io.incidentledger.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.incidentledger.reliability.Ledger.Command;

/**
 * One incident's whole life as a sequence of commands that are valid in this order, so any
 * refusal is a finding: detection to learning, with notes, public updates, commander handovers
 * (two events each), responders, impact, severity, action items, lessons, a root cause, a
 * correction, sometimes a reopening, and notes on an incident every client shares.
 */
final class IncidentScript {

    private static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV3", "SEV4"};
    private static final String[] ROLES = {"COMMUNICATIONS", "OPERATIONS", "SUBJECT_MATTER_EXPERT", "SCRIBE"};
    private static final String[] OUTAGES = {"DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "MAJOR_OUTAGE"};

    private final Random random;
    private final String prefix;
    private final String incidentId;
    private final String sharedIncidentId;
    private final List<Command> commands = new ArrayList<>();
    private String severity;
    private int steps;

    private IncidentScript(Random random, String prefix, String incidentId, String sharedIncidentId) {
        this.random = random;
        this.prefix = prefix;
        this.incidentId = incidentId;
        this.sharedIncidentId = sharedIncidentId;
    }

    /** The commands that open a shared incident: detection and acknowledgement. */
    static List<Command> opening(String prefix, String incidentId) {
        var script = new IncidentScript(new Random(0), prefix, incidentId, incidentId);
        script.detect();
        script.write("/acknowledgement", Map.of("commander", "Shared Commander"), 1);
        return script.commands;
    }

    /** A whole life of incident {@code incidentId}; command ids start with {@code prefix}. */
    static List<Command> life(Random random, String prefix, String incidentId, String sharedIncidentId) {
        var script = new IncidentScript(random, prefix, incidentId, sharedIncidentId);
        script.detect();
        script.write("/acknowledgement", Map.of("commander", "Commander " + prefix), 1);
        script.publicUpdate("INVESTIGATING");
        for (int i = 4 + random.nextInt(10); i > 0; i--) {
            script.middleStep();
        }
        if (random.nextBoolean()) {
            script.write("/containment", Map.of("mitigation", "ROLLBACK", "description", "Rolled back " + prefix), 1);
        }
        script.fix();
        if (random.nextInt(4) == 0) {
            script.write("/reopening", Map.of("reason", "It came back"), 1);
            script.fix();
        }
        script.write("/learning", Map.of("postmortemSummary", "What " + prefix + " taught us"), 1);
        return script.commands;
    }

    private void detect() {
        severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        var id = next();
        commands.add(new Command(id, incidentId, "POST", "/api/incidents", Map.of("incidentId", incidentId,
                "title", "Crash test " + prefix, "severity", severity, "summary", "Load while the engine dies",
                "affectedServices", List.of("service-" + random.nextInt(3)), "source", "MONITORING"), 1));
    }

    private void middleStep() {
        var n = steps;
        switch (random.nextInt(11)) {
            case 0 -> write("/notes", Map.of("note", "Note " + n + " of " + prefix), 1);
            case 1 -> publicUpdate(random.nextBoolean() ? "IDENTIFIED" : "MONITORING");
            case 2 -> write("/responders", Map.of("responder", "Commander " + prefix + "-" + n, "role", "COMMANDER"), 2);
            case 3 -> write("/responders", Map.of("responder", "Responder " + prefix + "-" + n,
                    "role", ROLES[random.nextInt(ROLES.length)]), 1);
            case 4 -> write("/impact", Map.of("description", "Impact " + n, "affectedUsersPercent", random.nextInt(101),
                    "components", List.of(Map.of("name", "component-" + random.nextInt(4),
                            "status", OUTAGES[random.nextInt(OUTAGES.length)]))), 1);
            case 5 -> changeSeverity();
            case 6 -> write("/action-items", Map.of("actionItemId", "AI-" + n, "description", "Do " + n,
                    "kind", "PREVENT", "ownerTeam", "team-" + random.nextInt(3)), 1);
            case 7 -> write("/lessons", Map.of("category", "WENT_WRONG", "text", "Lesson " + n), 1);
            case 8 -> write("/root-cause", Map.of("whys", List.of("why " + n), "rootCause", "Cause " + n), 1);
            case 9 -> commands.add(new Command(next(), sharedIncidentId, "POST",
                    "/api/incidents/" + sharedIncidentId + "/notes", Map.of("note", "From " + prefix), 1));
            default -> write("/corrections", Map.of("sequenceNumber", 0, "reason", "Better title",
                    "replacementText", "Corrected crash test " + prefix + "-" + n), 1);
        }
    }

    private void changeSeverity() {
        String to;
        do {
            to = SEVERITIES[random.nextInt(SEVERITIES.length)];
        } while (to.equals(severity));
        severity = to;
        write("/severity", Map.of("severity", to, "reason", "Reassessed"), 1);
    }

    private void publicUpdate(String status) {
        write("/public-updates", Map.of("message", status + " update on " + prefix, "status", status), 1);
    }

    private void fix() {
        write("/fix", Map.of("resolution", "Fixed " + prefix, "fixReference", "PR-" + random.nextInt(1000)), 1);
        publicUpdate("RESOLVED");
    }

    private void write(String path, Map<String, Object> body, int events) {
        commands.add(new Command(next(), incidentId, "POST", "/api/incidents/" + incidentId + path, body, events));
    }

    private String next() {
        return prefix + "-" + steps++;
    }
}
