package io.incidentledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one run measures and how hard. Every option has a default that reproduces the published
 * table; smaller values make quick runs (e.g. {@code --events 100000 --repetitions 1}).
 */
record Options(List<String> stores, int events, int openIncidents, int repetitions, List<Integer> clients,
               Duration warmUp, Duration measure, Set<String> sections, Path jar, Path out, String postgresUrl,
               String postgresUser, List<String> appJvmOptions, List<String> appArguments, long seed, String launch) {

    static final Set<String> ALL_SECTIONS = Set.of("baseline", "commands", "rebuild", "long", "reads");

    static final String HELP = """
            Incident Ledger benchmark: starts the real jar on each store and prints one table per store.
              --stores h2,postgres        stores to run (default both)
              --events 1000000            events generated for the rebuild and the reads
              --open 10000                open incidents among them (the board's size)
              --repetitions 3             each figure is the median of this many runs
              --clients 1,8,32            concurrent HTTP clients for the command load
              --warmup 3 --seconds 10     per command-load measurement, in seconds
              --sections a,b              any of baseline,commands,rebuild,long,reads (default all;
                                          start-up, the scan and one rebuild always run)
              --jar api/target/incident-ledger.jar
              --launch cds                cds: run the jar as docker/Dockerfile does (extracted, with a
                                          class-data-sharing archive from a training run); jar: java -jar
              --out bench/target/results  where tables and app logs go
              --postgres jdbc:postgresql://127.0.0.1:5432/ --postgres-user postgres
              --app-jvm "-Xmx1g"          JVM options for the application (space separated)
              --app-args "--k=v ..."      application arguments, e.g. a processor setting to compare
              --seed 42                   seed of the synthetic histories
            """;

    static Options parse(String... args) {
        var stores = List.of("h2", "postgres");
        int events = 1_000_000;
        int open = 10_000;
        int repetitions = 3;
        var clients = List.of(1, 8, 32);
        int warmUp = 3;
        int seconds = 10;
        Set<String> sections = ALL_SECTIONS;
        Path jar = Files.exists(Path.of("api/target/incident-ledger.jar")) ? Path.of("api/target/incident-ledger.jar")
                : Path.of("../api/target/incident-ledger.jar");
        Path out = Path.of("bench/target/results");
        String postgresUrl = "jdbc:postgresql://127.0.0.1:5432/";
        String postgresUser = "postgres";
        List<String> appJvm = List.of();
        List<String> appArgs = List.of();
        long seed = 42;
        String launch = "cds";
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (name.isBlank()) {
                continue;
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(HELP);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name + "\n" + HELP);
            }
            var value = args[++i];
            switch (name) {
                case "--stores" -> stores = split(value);
                case "--events" -> events = Integer.parseInt(value.replace("_", ""));
                case "--open" -> open = Integer.parseInt(value.replace("_", ""));
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                case "--clients" -> clients = split(value).stream().map(Integer::valueOf).toList();
                case "--warmup" -> warmUp = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--sections" -> sections = Set.copyOf(split(value));
                case "--jar" -> jar = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--postgres" -> postgresUrl = value.endsWith("/") ? value : value + "/";
                case "--postgres-user" -> postgresUser = value;
                case "--app-jvm" -> appJvm = words(value);
                case "--app-args" -> appArgs = words(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--launch" -> launch = value;
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + HELP);
            }
        }
        if (!ALL_SECTIONS.containsAll(sections)) {
            throw new IllegalArgumentException("unknown section in " + sections + "\n" + HELP);
        }
        if (!launch.equals("cds") && !launch.equals("jar")) {
            throw new IllegalArgumentException("--launch is cds or jar, not " + launch + "\n" + HELP);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar.toAbsolutePath()
                    + ": build it first (./mvnw -B -DskipTests install) or pass --jar");
        }
        return new Options(stores, events, Math.min(open, events / 10), Math.max(1, repetitions), clients,
                Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), sections, jar, out, postgresUrl, postgresUser,
                appJvm, appArgs, seed, launch);
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> words(String value) {
        return new ArrayList<>(Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }
}
