package io.incidentledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @TempDir
    Path dir;

    @Test
    void startsTheApplicationAsTheDockerImageDoesUnlessAskedForThePlainJar() throws IOException {
        var jar = Files.createFile(dir.resolve("incident-ledger.jar")).toString();

        assertThat(Options.parse("--jar", jar).launch()).isEqualTo("cds");
        var plain = Options.parse("--jar", jar, "--launch", "jar");
        assertThat(AppLaunch.of(plain).jvmArguments()).containsExactly("-jar", Path.of(jar).toAbsolutePath().toString());
        assertThat(AppLaunch.of(plain).description()).isEqualTo(AppLaunch.JAR);
        assertThatThrownBy(() -> Options.parse("--jar", jar, "--launch", "docker"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--launch is cds or jar");
    }
}
