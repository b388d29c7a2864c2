package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.LongStream;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import io.incidentledger.Concurrently;
import org.junit.jupiter.api.Test;

/** If-Match with the incident's version, and many writers on one incident: nothing lost, nothing doubled. */
class ConditionalWritesIT extends RunningApplication {

    Api.Response note(String id, String text, String ifMatch) {
        var call = api.post("/api/incidents/" + id + "/notes").json(Map.of("note", text));
        return ifMatch == null ? call.send() : call.header("If-Match", ifMatch).send();
    }

    @Test
    void writesWhenTheIncidentIsAtTheExpectedVersion() {
        var id = api.acknowledged("Match");

        var written = note(id, "as expected", "\"1\"");

        assertThat(written.status()).isEqualTo(200);
        assertThat(written.version()).isEqualTo(2);
        assertThat(note(id, "any version", "*").status()).isEqualTo(200);
    }

    @Test
    void refusesAStaleVersionAndAppendsNothing() {
        var id = api.acknowledged("Stale");
        note(id, "someone else was faster", null);
        var before = events.of(id);

        var refused = note(id, "based on version 1", "\"1\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(refused.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(events.of(id)).isEqualTo(before);
    }

    @Test
    void checksTheVersionBeforeTheIncidentsOwnRules() {
        var id = api.acknowledged("Precondition first");

        var refused = api.post("/api/incidents/" + id + "/acknowledgement").header("If-Match", "\"0\"")
                .json(Map.of("commander", "Bob")).send();

        assertThat(refused.code()).isEqualTo("VERSION_MISMATCH");
    }

    @Test
    void concurrentWritersWithoutIfMatchLoseNothing() {
        var id = api.acknowledged("Sixteen writers");
        int writers = 16;
        int notesEach = 5;

        var answers = Concurrently.run(writers, w -> {
            var mine = new ArrayList<Api.Response>();
            for (int n = 0; n < notesEach; n++) {
                mine.add(writeUntilAccepted(id, "writer " + w + " note " + n));
            }
            return mine;
        }).stream().flatMap(java.util.List::stream).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers).extracting(Api.Response::version).doesNotHaveDuplicates();
        assertThat(events.sequenceNumbers(id))
                .containsExactlyElementsOf(LongStream.rangeClosed(0, 1 + writers * notesEach).boxed().toList());
    }

    @Test
    void ofWritersExpectingTheSameVersionExactlyOneWinsAndTheOthersMayRetry() {
        var id = api.acknowledged("Same expectation");

        var answers = Concurrently.run(16, w -> note(id, "writer " + w, "\"1\""));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 200)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("VERSION_MISMATCH"))
                .hasSize(15);
        var loser = answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
        var current = loser.json().get("currentVersion").asLong();
        assertThat(note(id, "after reading again", "\"" + current + "\"").status()).isEqualTo(200);
        assertThat(events.of(id)).isEqualTo(4);
    }

    /** What a well-behaved client does with a 409 CONCURRENT_MODIFICATION: send the same request again. */
    private Api.Response writeUntilAccepted(String id, String text) {
        for (int attempt = 0; attempt < 20; attempt++) {
            var answer = note(id, text, null);
            if (!"CONCURRENT_MODIFICATION".equals(answer.code())) {
                return answer;
            }
        }
        throw new AssertionError("still conflicting after 20 attempts");
    }
}
