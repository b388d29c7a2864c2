package io.incidentledger;

import io.incidentledger.cli.LedgerCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IncidentLedgerApplication {

    /** {@code serve} (the default) keeps running; every other command exits with its status. */
    public static void main(String[] args) {
        int exitCode = LedgerCommandLine.execute(args);
        if (exitCode != LedgerCommandLine.SERVING) {
            System.exit(exitCode);
        }
    }
}
