package io.incidentledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;

/**
 * The jar's command line: {@code serve} (the default) and the offline commands. Exit codes: 0 ok,
 * 1 the command ran and found a problem (broken chain, rejected lines, failed rebuild), 2 usage
 * error, 3 the command could not run (e.g. the database is unreachable or in use).
 */
public final class LedgerCommandLine {

    /** Returned by {@code serve}: the server runs on, so the caller must not exit. */
    public static final int SERVING = -1;
    static final int PROBLEM = 1;
    static final int COULD_NOT_RUN = 3;

    private LedgerCommandLine() {
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), List.of(), args);
    }

    /**
     * @param springArgs extra Spring Boot arguments for the offline commands' application
     *                   context (tests point them at their own database this way)
     */
    public static int execute(PrintWriter out, PrintWriter err, List<String> springArgs, String... args) {
        if (servesDirectly(args)) {
            return ServeCommand.serve(List.of(args));
        }
        return commandLine(out, err, springArgs).execute(args);
    }

    /**
     * No arguments, or Spring Boot arguments only (--server.port=9090), start the server as the
     * jar always did; anything else is a command (or --help, --version).
     */
    static boolean servesDirectly(String... args) {
        return args.length == 0 || args[0].startsWith("--") && !Set.of("--help", "--version").contains(args[0]);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, List<String> springArgs) {
        var commandLine = new CommandLine(new LedgerCommand(new Offline(springArgs)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Could not run: " + rootMessage(e));
            cmd.getErr().flush();
            return COULD_NOT_RUN;
        });
        return commandLine;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
