package io.incidentledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.incidentledger.history.ExportVerification;
import io.incidentledger.query.audit.ChainVerification;
import io.incidentledger.query.audit.GetChainVerification;
import io.incidentledger.query.audit.GetStoreVerification;
import io.incidentledger.query.audit.StoreVerificationView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Verifies the tamper-evident hash chains (docs/audit-chain.md).",
            "",
            "It recomputes every incident's chain from the stored events and compares it with the links "
                + "anchored when each event was stored: an edited, deleted or renumbered event shows as a "
                + "break at its sequence number. With --file it checks an export file instead, without any "
                + "database."},
        footer = {"", "Examples:",
            "  java -jar incident-ledger.jar verify",
            "  java -jar incident-ledger.jar verify -i INC-1 --expected-head 3f5a...e9",
            "  java -jar incident-ledger.jar verify --file all.jsonl", "",
            "Exit codes: 0 intact, 1 broken (each broken incident's first break is printed), 2 usage "
                + "error, 3 could not run."})
class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    LedgerCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--incident"}, paramLabel = "ID", description = "Verify only this incident.")
    String incident;

    @Option(names = "--expected-head", paramLabel = "LINK",
            description = "With --incident: the incident's last link as kept from earlier (e.g. from an export).")
    String expectedHead;

    @Option(names = {"-f", "--file"}, paramLabel = "EXPORT", description = "Verify this export file instead of the database.")
    Path file;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        if (expectedHead != null && (incident == null || !expectedHead.matches("[0-9a-f]{64}"))) {
            throw new ParameterException(spec.commandLine(),
                    "--expected-head needs --incident and 64 lowercase hex digits");
        }
        var out = spec.commandLine().getOut();
        if (file != null) {
            return verifyFile(out);
        }
        return parent.offline().run(verbosity.verbose, context -> {
            var queries = context.getBean(QueryGateway.class);
            if (incident != null) {
                var verification = queries.query(new GetChainVerification(incident, expectedHead),
                        ResponseTypes.optionalInstanceOf(ChainVerification.class)).join();
                if (verification.isEmpty()) {
                    out.println("No incident " + incident);
                    out.flush();
                    return LedgerCommandLine.PROBLEM;
                }
                print(out, verification.get());
                out.flush();
                return verification.get().intact() ? 0 : LedgerCommandLine.PROBLEM;
            }
            var store = queries.query(new GetStoreVerification(), ResponseTypes.instanceOf(StoreVerificationView.class)).join();
            store.broken().forEach(broken -> print(out, broken));
            out.printf("Verified %d incident(s), %d event(s): %s%n", store.incidents(), store.events(),
                    store.intact() ? "intact" : store.broken().size() + " broken");
            out.flush();
            return store.intact() ? 0 : LedgerCommandLine.PROBLEM;
        });
    }

    private int verifyFile(PrintWriter out) throws IOException {
        ExportVerification verification;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            verification = ExportVerification.of(reader);
        }
        verification.problems().forEach(p -> out.printf("line %d%s: %s: %s%n", p.lineNumber(),
                p.incidentId() == null ? "" : " (" + p.incidentId() + ")", p.code(), p.reason()));
        verification.heads().forEach((incidentId, head) -> out.printf("%s head %s%n", incidentId, head));
        out.printf("Verified %s: %d event(s) of %d incident(s): %s%n", file, verification.events(),
                verification.heads().size(), verification.intact() ? "intact" : "BROKEN");
        out.flush();
        return verification.intact() ? 0 : LedgerCommandLine.PROBLEM;
    }

    private static void print(PrintWriter out, ChainVerification verification) {
        var broken = verification.firstBreak();
        if (broken == null) {
            out.printf("%s: %d event(s), head %s: intact%n", verification.incidentId(), verification.events(),
                    verification.head());
        } else {
            out.printf("%s: broken at sequence %d: %s (expected %s, actual %s)%n", verification.incidentId(),
                    broken.sequenceNumber(), broken.reason(), broken.expected(), broken.actual());
        }
    }
}
