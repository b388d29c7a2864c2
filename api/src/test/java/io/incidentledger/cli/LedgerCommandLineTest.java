package io.incidentledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerCommandLineTest {

    @Test
    void noArgumentsOrSpringBootArgumentsOnlyStartTheServerAsBefore() {
        assertThat(LedgerCommandLine.servesDirectly()).isTrue();
        assertThat(LedgerCommandLine.servesDirectly("--server.port=9090", "--spring.profiles.active=postgres")).isTrue();
        assertThat(LedgerCommandLine.servesDirectly("export")).isFalse();
        assertThat(LedgerCommandLine.servesDirectly("--help")).isFalse();
        assertThat(LedgerCommandLine.servesDirectly("-h")).isFalse();
    }

    @Test
    void helpNamesEveryCommandAndUsageErrorsExitWith2() {
        var out = new StringWriter();
        var err = new StringWriter();
        assertThat(LedgerCommandLine.execute(new PrintWriter(out), new PrintWriter(err), List.of(), "--help")).isZero();
        assertThat(out.toString()).contains("serve", "import", "export", "verify", "rebuild", "Exit codes");

        assertThat(LedgerCommandLine.execute(new PrintWriter(out), new PrintWriter(err), List.of(), "export", "--bogus"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(LedgerCommandLine.execute(new PrintWriter(out), new PrintWriter(err), List.of(), "verify",
                "--expected-head", "abc")).isEqualTo(2);
    }
}
