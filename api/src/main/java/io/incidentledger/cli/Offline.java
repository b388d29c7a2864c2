package io.incidentledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.incidentledger.IncidentLedgerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a command inside the application without its web server: the same configuration,
 * database and engine as {@code serve}, minus HTTP, the sample incidents and the console log.
 */
final class Offline {

    private final List<String> springArgs;

    Offline(List<String> springArgs) {
        this.springArgs = List.copyOf(springArgs);
    }

    <T> T run(boolean verbose, Function<ConfigurableApplicationContext, T> command) {
        var args = new ArrayList<String>();
        // Command-line arguments outrank application.yml, so these hold whatever the profile says.
        args.add("--incident-ledger.samples.enabled=false");
        // Output may be the export itself (stdout): log lines must not mix into it.
        args.add("--logging.threshold.console=" + (verbose ? "INFO" : "OFF"));
        args.addAll(springArgs);
        try (var context = new SpringApplicationBuilder(IncidentLedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(verbose)
                .run(args.toArray(String[]::new))) {
            return command.apply(context);
        }
    }
}
