package io.incidentledger.cli;

import picocli.CommandLine.Option;

/** The option every offline command shares. */
class Verbosity {

    @Option(names = "--verbose", description = "Show the application's log on the console.")
    boolean verbose;
}
