package io.incidentledger.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.incidentledger.history.HistoryExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Exports incident histories as JSON Lines: one stored event a line, with its metadata, both "
                + "times, its payload and its hash-chain link. Anyone can verify the file without Incident "
                + "Ledger (python3 docs/verify_chain.py FILE; docs/audit-chain.md has the algorithm), and "
                + "'import' reads it into another database."},
        footer = {"", "Examples:",
            "  java -jar incident-ledger.jar export -o all.jsonl",
            "  java -jar incident-ledger.jar export -i INC-1 -i INC-2 > two.jsonl", "",
            "Exit codes: 0 exported, 1 none of the incidents named exists, 2 usage error, 3 could not run."})
class ExportCommand implements Callable<Integer> {

    @ParentCommand
    LedgerCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--incident"}, paramLabel = "ID", description = "An incident to export; repeat for more. Default: all.")
    List<String> incidents = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write. Default: standard output.")
    Path output;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        return parent.offline().run(verbosity.verbose, context -> {
            var export = context.getBean(HistoryExport.class);
            HistoryExport.Summary summary;
            try (Writer out = output == null
                    ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    }
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                summary = export.export(incidents, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var err = spec.commandLine().getErr();
            err.printf("Exported %d incident(s), %d event(s)%s%n", summary.incidents(), summary.events(),
                    output == null ? "" : " to " + output);
            err.flush();
            return !incidents.isEmpty() && summary.incidents() == 0 ? LedgerCommandLine.PROBLEM : 0;
        });
    }
}
