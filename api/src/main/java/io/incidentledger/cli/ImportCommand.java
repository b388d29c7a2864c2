package io.incidentledger.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.incidentledger.history.HistoryImport;
import io.incidentledger.history.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Imports incident histories (JSON Lines) into the database, through the same rules as the API.",
            "",
            "A file is either an export of Incident Ledger (see 'export': every line's hash chain is "
                + "checked, and each incident must come out exactly as exported) or the simple timeline "
                + "format, one entry a line, for histories kept in other tools:",
            "",
            "  {\"incident\":\"INC-1\",\"type\":\"detected\",\"at\":\"2026-03-02T09:20:00Z\",",
            "   \"by\":\"maria\",\"title\":\"Checkout fails\",\"severity\":\"SEV2\"}",
            "",
            "where type is one of detected, acknowledged, responder-assigned, responder-released, "
                + "severity-changed, impact-assessed, note, public-update, contained, fixed, root-cause, "
                + "lesson, action-item, action-item-completed, correction, reopened, learned; 'at' is when "
                + "it happened, 'by' who did it, and the other fields are those of the matching API request.",
            "",
            "An incident with a bad line is not imported at all; its line number and the reason are "
                + "printed. The other incidents are imported. An incident that exists already is rejected."},
        footer = {"", "Example:", "  java -jar incident-ledger.jar import history.jsonl", "",
            "Exit codes: 0 every incident imported, 1 some rejected, 2 usage error, 3 could not run."})
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LedgerCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files to import; - reads standard input")
    List<Path> files;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        for (var file : files) {
            if (!file.toString().equals("-") && !Files.isReadable(file)) {
                spec.commandLine().getErr().println("Cannot read " + file);
                return 2;
            }
        }
        return parent.offline().run(verbosity.verbose, context -> {
            var importer = context.getBean(HistoryImport.class);
            boolean complete = true;
            for (var file : files) {
                var report = importFile(importer, file);
                print(file, report);
                complete &= report.complete();
            }
            return complete ? 0 : LedgerCommandLine.PROBLEM;
        });
    }

    private static ImportReport importFile(HistoryImport importer, Path file) {
        try (Reader reader = file.toString().equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importer.importFrom(reader, file.getFileName() == null ? "stdin" : file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(Path file, ImportReport report) {
        var out = spec.commandLine().getOut();
        out.printf("%s: %d lines (%s format); imported %d incident(s)%s%n", file, report.lines(),
                report.format().name().toLowerCase(), report.imported().size(),
                report.imported().isEmpty() ? "" : ": " + String.join(", ", report.imported()));
        for (var rejected : report.rejected()) {
            out.printf("  rejected line %d%s: %s: %s%n", rejected.lineNumber(),
                    rejected.incidentId() == null ? " (nothing imported)" : " (incident " + rejected.incidentId() + ")",
                    rejected.code(), rejected.reason());
        }
        out.flush();
    }
}
