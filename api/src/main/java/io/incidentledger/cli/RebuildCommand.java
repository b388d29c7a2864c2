package io.incidentledger.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import io.incidentledger.rebuild.RebuildStatus;
import io.incidentledger.rebuild.Rebuilds;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "rebuild", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Rebuilds read models from the event store: clears each model's tables and replays every "
                + "event into it, with a progress bar. The read models are live-status, customer-timeline, "
                + "postmortem and analytics; without MODEL, all are rebuilt.",
            "",
            "A running server rebuilds while it keeps serving instead: POST /api/admin/rebuilds."},
        footer = {"", "Examples:",
            "  java -jar incident-ledger.jar rebuild",
            "  java -jar incident-ledger.jar rebuild postmortem analytics", "",
            "Exit codes: 0 rebuilt, 1 not finished within --timeout, 2 usage error (e.g. an unknown "
                + "model), 3 could not run."})
class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    LedgerCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Read models to rebuild. Default: all.")
    List<String> models = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "Give up waiting after this long (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        return parent.offline().run(verbosity.verbose, context -> {
            var rebuilds = context.getBean(Rebuilds.class);
            var err = spec.commandLine().getErr();
            var out = spec.commandLine().getOut();
            List<RebuildStatus> started;
            try {
                started = rebuilds.start(models);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            var names = started.stream().map(RebuildStatus::model).toList();
            err.println("Rebuilding " + String.join(", ", names));
            var deadline = Instant.now().plus(timeout);
            boolean done;
            try (var bar = new ProgressBarBuilder()
                    .setTaskName("Rebuilding")
                    // Colours and block characters only where a terminal shows them.
                    .setStyle(System.console() != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setInitialMax(Math.max(1, total(started)))
                    .setUnit(" events", 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print("\r" + line);
                        err.flush();
                    }, 100))
                    .build()) {
                done = follow(rebuilds, Set.copyOf(names), bar, deadline);
            }
            err.println();
            for (var status : rebuilds.status()) {
                if (names.contains(status.model())) {
                    out.printf("%s: %s at position %d%n", status.model(), status.rebuilding() ? "still rebuilding"
                            : "rebuilt", status.processed());
                }
            }
            out.flush();
            return done ? 0 : LedgerCommandLine.PROBLEM;
        });
    }

    /** Moves the bar along until every model is rebuilt; false if the deadline passes first. */
    private static boolean follow(Rebuilds rebuilds, Set<String> models, ProgressBar bar, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            var statuses = rebuilds.status().stream().filter(s -> models.contains(s.model())).toList();
            var rebuilding = statuses.stream().filter(RebuildStatus::rebuilding).toList();
            if (rebuilding.isEmpty()) {
                bar.stepTo(bar.getMax());
                return true;
            }
            bar.maxHint(Math.max(1, total(statuses)));
            bar.stepTo(statuses.stream().mapToLong(RebuildStatus::processed).sum());
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return false;
    }

    private static long total(List<RebuildStatus> statuses) {
        return statuses.stream().mapToLong(s -> s.total() != null ? s.total() : s.processed()).sum();
    }
}
