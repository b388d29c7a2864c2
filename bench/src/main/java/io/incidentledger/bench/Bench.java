package io.incidentledger.bench;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The benchmark runner. Runs every measurement on each store, prints one Markdown table per
 * store and writes them to {@code <out>/bench-<time>.md}. See {@link Options#HELP} for the options.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.out());
        var file = options.out().resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        var header = "## Incident Ledger benchmark\n\nseed " + options.seed() + ", open incidents "
                + Report.count(options.openIncidents()) + ", clients " + options.clients() + ", "
                + options.warmUp().toSeconds() + " s warm-up + " + options.measure().toSeconds()
                + " s per command measurement, application JVM options " + options.appJvmOptions()
                + ", application arguments " + options.appArguments() + "\n\n";
        Files.writeString(file, header);
        System.out.print(header);
        for (var store : options.stores()) {
            var table = StoreRun.run(options, store).markdown();
            System.out.println(table);
            Files.writeString(file, Files.readString(file) + table + "\n");
        }
        System.err.println("written to " + file);
    }
}
