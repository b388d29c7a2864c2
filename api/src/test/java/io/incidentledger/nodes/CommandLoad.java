package io.incidentledger.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.incidentledger.Api;
import io.incidentledger.Concurrently;

/**
 * Clients writing to both nodes at once, several at a time on the same incidents: internal notes
 * and responder assignments, some of them conditional (If-Match with the version the client just
 * read). Every command carries a token of its own as its text, so the event it stored can be
 * found again. A refused attempt (a conflict) is retried, by the other node, until one is acknowledged; every
 * attempt and its answer is kept.
 */
final class CommandLoad {

    static final int MAX_ATTEMPTS = 40;
    /** The refusals that say "someone else wrote first, nothing was recorded": worth a retry. */
    static final Set<String> RETRYABLE = Set.of("CONCURRENT_MODIFICATION", "VERSION_MISMATCH");

    /** One answer: HTTP status, problem code (refusals), version (acknowledgements). */
    record Attempt(String node, int status, String contentType, String code, long version) {

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /**
     * One command and every answer it got; {@code readVersion} is the version a conditional
     * command was sent with (the last read before its acknowledged attempt), else -1.
     */
    record Command(String token, String incidentId, boolean conditional, List<Attempt> attempts, long readVersion) {

        Attempt acknowledgement() {
            var last = attempts.get(attempts.size() - 1);
            return last.acknowledged() ? last : null;
        }

        List<Attempt> refusals() {
            return attempts.stream().filter(a -> !a.acknowledged()).toList();
        }
    }

    private final List<Api> nodes;
    private final List<String> names;
    private final String responderKey;

    CommandLoad(Map<String, Api> nodes, String responderKey) {
        this.nodes = List.copyOf(nodes.values());
        this.names = List.copyOf(nodes.keySet());
        this.responderKey = responderKey;
    }

    /** Runs {@code clients} threads of {@code commandsEach} commands on the given incidents. */
    List<Command> run(long seed, int clients, int commandsEach, List<String> incidentIds) {
        return Concurrently.run(clients, client -> {
            var random = new Random(seed + client);
            var done = new ArrayList<Command>();
            for (int n = 0; n < commandsEach; n++) {
                var incidentId = incidentIds.get(random.nextInt(incidentIds.size()));
                var token = "c" + client + "-" + n;
                done.add(send(random, token, incidentId, random.nextInt(4) == 0));
            }
            return done;
        }).stream().flatMap(List::stream).toList();
    }

    private Command send(Random random, String token, String incidentId, boolean conditional) {
        var assignment = random.nextInt(3) == 0;
        var path = "/api/incidents/" + incidentId + (assignment ? "/responders" : "/notes");
        Object body = assignment ? Map.of("responder", token, "role", "OPERATIONS") : Map.of("note", token);
        var attempts = new ArrayList<Attempt>();
        long readVersion = -1;
        int node = random.nextInt(nodes.size());
        while (attempts.size() < MAX_ATTEMPTS) {
            var api = nodes.get(node);
            var call = api.call("POST", path).key(responderKey).json(body);
            if (conditional) {
                // Read on either node: both read the shared database.
                var read = nodes.get(random.nextInt(nodes.size())).get("/api/incidents/" + incidentId).key(responderKey).send();
                readVersion = Long.parseLong(read.header("ETag").orElseThrow().replace("\"", ""));
                call.header("If-Match", "\"" + readVersion + "\"");
            }
            var answer = call.send();
            var attempt = new Attempt(names.get(node), answer.status(), answer.contentType(), answer.code(),
                    answer.status() / 100 == 2 ? answer.version() : -1);
            attempts.add(attempt);
            if (attempt.acknowledged() || !RETRYABLE.contains(attempt.code())) {
                break;
            }
            node = (node + 1) % nodes.size();
        }
        return new Command(token, incidentId, conditional, List.copyOf(attempts), readVersion);
    }
}
