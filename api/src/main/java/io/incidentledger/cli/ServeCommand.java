package io.incidentledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.incidentledger.IncidentLedgerApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Starts the server: the HTTP API, the status page and the board, on port 8080.",
            "Further arguments go to Spring Boot, e.g. --server.port=9090 or --spring.profiles.active=postgres."})
class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        return serve(springArgs);
    }

    static int serve(List<String> springArgs) {
        SpringApplication.run(IncidentLedgerApplication.class, springArgs.toArray(String[]::new));
        return LedgerCommandLine.SERVING;
    }
}
