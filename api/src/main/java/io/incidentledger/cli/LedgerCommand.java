package io.incidentledger.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "incident-ledger",
        mixinStandardHelpOptions = true,
        version = "Incident Ledger 0.1.0",
        usageHelpAutoWidth = true,
        description = {
            "An event-sourced incident timeline engine.",
            "",
            "Without a command (or with Spring Boot arguments only, such as --server.port=9090) it "
                + "starts the server, like 'serve'. The other commands work on the database directly and "
                + "then exit; run them while no server uses the database (the embedded H2 file admits one "
                + "process at a time)."},
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, VerifyCommand.class,
            RebuildCommand.class, HelpCommand.class},
        footerHeading = "%nDatabase%n",
        footer = {
            "Every command uses the same database as the server: ./data/incident-ledger (H2) by "
                + "default, or PostgreSQL with SPRING_PROFILES_ACTIVE=postgres and INCIDENT_LEDGER_DB_URL, "
                + "INCIDENT_LEDGER_DB_USER, INCIDENT_LEDGER_DB_PASSWORD.",
            "",
            "Exit codes: 0 ok, 1 a problem was found (broken chain, rejected lines), 2 usage error, "
                + "3 could not run (e.g. the database is unreachable or in use).",
            "",
            "Examples:",
            "  java -jar incident-ledger.jar                      (the server, port 8080)",
            "  java -jar incident-ledger.jar export -o all.jsonl",
            "  java -jar incident-ledger.jar verify",
            "  java -jar incident-ledger.jar import all.jsonl",
            "  java -jar incident-ledger.jar rebuild postmortem",
            "  java -jar incident-ledger.jar help export          (help on one command)"})
class LedgerCommand implements Callable<Integer> {

    private final Offline offline;

    LedgerCommand(Offline offline) {
        this.offline = offline;
    }

    Offline offline() {
        return offline;
    }

    @Override
    public Integer call() {
        return ServeCommand.serve(List.of());
    }
}
