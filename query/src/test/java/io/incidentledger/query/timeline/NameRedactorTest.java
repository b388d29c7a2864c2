package io.incidentledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class NameRedactorTest {

    private static String redact(String text, String... names) {
        Set<String> hashes = Stream.of(names).map(NameRedactor::hash).collect(Collectors.toSet());
        int longest = Stream.of(names).mapToInt(NameRedactor::wordCount).max().orElse(0);
        return NameRedactor.redact(text, hashes, longest);
    }

    @Test
    void replacesWholeNamesWhateverTheirCaseOrPunctuation() {
        assertThat(redact("MARIA LOPEZ restarted it; maria-lopez's fix holds.", "Maria Lopez"))
                .isEqualTo("our team restarted it; our team's fix holds.");
        assertThat(redact("Ask li.wei@corp.example.", "li.wei@corp.example")).isEqualTo("Ask our team.");
        assertThat(redact("Zoë is on it", "zoë")).isEqualTo("our team is on it");
    }

    @Test
    void prefersTheLongestKnownName() {
        assertThat(redact("Sam Park and Sam", "sam", "Sam Park")).isEqualTo("our team and our team");
    }

    @Test
    void leavesWordsThatOnlyContainANameAlone() {
        assertThat(redact("Samples and a lip balm", "sam", "li")).isEqualTo("Samples and a lip balm");
        assertThat(redact("Maria alone", "Maria Lopez")).isEqualTo("Maria alone");
    }

    @Test
    void aNameWithoutWordsCannotBeMatched() {
        assertThat(NameRedactor.hash("--")).isNull();
        assertThat(redact("-- nothing", "x")).isEqualTo("-- nothing");
    }
}
