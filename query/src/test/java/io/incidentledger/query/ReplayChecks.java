package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;

/** The two replay checks every read model must pass, on top of {@link TestDatabase#processInBatches}. */
public final class ReplayChecks {

    private ReplayChecks() {
    }

    /** Every message followed by itself: what an at-least-once delivery may do. */
    static List<EventMessage<?>> twice(List<? extends EventMessage<?>> messages) {
        var twice = new ArrayList<EventMessage<?>>();
        messages.forEach(m -> {
            twice.add(m);
            twice.add(m);
        });
        return twice;
    }

    /**
     * Each event delivered twice in a row, and the whole stream once more on top, leaves exactly
     * the tables a single delivery leaves.
     *
     * @return the tables' dump, for further checks
     */
    public static String assertRedeliveryChangesNothing(TestDatabase db, ProjectionHarness<?> harness,
                                                        List<? extends EventMessage<?>> messages, String... tables) {
        db.processInBatches(messages, 5, harness.events());
        var once = db.dump(tables);

        harness.reset();
        db.processInBatches(twice(messages), 9, harness.events());
        db.processInBatches(messages, 50, harness.events());

        assertThat(db.dump(tables)).isEqualTo(once);
        return once;
    }

    /**
     * The tables built one event per batch, then reset (which empties them) and rebuilt from the
     * same stream in large batches, are byte-identical.
     */
    public static void assertResetAndReplayRebuild(TestDatabase db, ProjectionHarness<?> harness,
                                                   List<? extends EventMessage<?>> messages, String... tables) {
        db.processInBatches(messages, 1, harness.events());
        var live = db.dump(tables);

        harness.reset();
        for (var table : tables) {
            assertThat(db.dump(table)).as("reset empties " + table).isEqualTo(table + " (0 rows)\n");
        }
        db.processInBatches(messages, 100, harness.events());

        assertThat(db.dump(tables)).isEqualTo(live);
    }
}
