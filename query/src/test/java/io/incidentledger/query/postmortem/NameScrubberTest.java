package io.incidentledger.query.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;
import org.junit.jupiter.api.Test;

class NameScrubberTest {

    private static NameScrubber scrubber(String... namesAndLabels) {
        var labels = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            labels.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return new NameScrubber(labels);
    }

    @Test
    void replacesAWholeWordNameInAnyCase() {
        var scrubber = scrubber("Maria", "Responder 1");

        assertThat(scrubber.scrub("maria rolls back the deploy; MARIA said so, ask Maria."))
                .isEqualTo("Responder 1 rolls back the deploy; Responder 1 said so, ask Responder 1.");
    }

    @Test
    void findsNamesInEveryCaseThePatternMatchesBeyondLatin() {
        // The quick look for a name before the pattern runs must never miss what the pattern
        // finds: dotted and dotless i, final sigma, and a script outside the 16-bit range.
        var names = List.of("İsmail", "Σοφία", "\uD801\uDC28\uD801\uDC2F\uD801\uDC4A", "ß-team");
        var scrubber = scrubber(names.get(0), "Responder 1", names.get(1), "Responder 2", names.get(2), "Responder 3",
                names.get(3), "Responder 4");
        for (var name : names) {
            for (var written : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT),
                    perCharacterUpperCase(name))) {
                var text = "paged " + written + " at noon";
                boolean patternFinds = Pattern.compile(Pattern.quote(name),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text).find();
                assertThat(scrubber.scrub(text).contains("Responder ")).as(written).isEqualTo(patternFinds);
            }
        }
        assertThat(scrubber.scrub("paged \uD801\uDC00\uD801\uDC07\uD801\uDC22 at noon")).isEqualTo("paged Responder 3 at noon");
    }

    private static String perCharacterUpperCase(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
        return out.toString();
    }

    @Test
    void leavesANameInsideALongerWordAlone() {
        var scrubber = scrubber("Al", "Responder 1", "ann", "Responder 2");

        assertThat(scrubber.scrub("Alert: Al restarted the total; Anna and ann_b called ann"))
                .isEqualTo("Alert: Responder 1 restarted the total; Anna and ann_b called Responder 2");
    }

    @Test
    void matchesNamesWithRegexMetacharactersLiterally() {
        var scrubber = scrubber("j.doe", "Responder 1", "a+b (ops)", "Responder 2", "$1\\x", "Responder 3");

        assertThat(scrubber.scrub("j.doe paged a+b (ops); jXdoe and aab (ops) did not; $1\\x did"))
                .isEqualTo("Responder 1 paged Responder 2; jXdoe and aab (ops) did not; Responder 3 did");
    }

    @Test
    void prefersTheLongestNameAndToleratesAnySpacingBetweenItsWords() {
        var scrubber = scrubber("Maria", "Responder 1", "Maria  Lopez", "Responder 2");

        assertThat(scrubber.scrub("Maria Lopez called Maria;\nmaria\n  lopez answered"))
                .isEqualTo("Responder 2 called Responder 1;\nResponder 2 answered");
    }

    @Test
    void matchesAccentedNamesWhateverTheirUnicodeForm() {
        var decomposed = "Jose\u0301";
        var scrubber = scrubber("José", "Responder 1", "Ünal", "Responder 2");

        assertThat(scrubber.scrub(decomposed + " and ÜNAL and ünal; not Josée"))
                .isEqualTo("Responder 1 and Responder 2 and Responder 2; not Josée");
    }

    @Test
    void neverReplacesInsideALabelItInserted() {
        var scrubber = scrubber("Responder", "Responder 2", "Bob", "Responder 1");

        assertThat(scrubber.scrub("Bob and Responder")).isEqualTo("Responder 1 and Responder 2");
    }

    @Test
    void withoutNamesTextIsUnchanged() {
        assertThat(new NameScrubber(Map.of()).scrub("maria")).isEqualTo("maria");
        assertThat(scrubber("", "Responder 1", "  ", "Responder 2").scrub("a  b")).isEqualTo("a  b");
        assertThat(scrubber("maria", "Responder 1").scrub(null)).isNull();
    }

    @Test
    void aNameLearnedAfterTheTextWasWrittenIsScrubbedFromIt() {
        var id = new IncidentId("INC-9");
        var t = Instant.parse("2025-02-01T08:00:00Z");
        var stream = new IncidentStream("INC-9", t);
        stream.record(new IncidentDetected(id, "Zoë's queue is stuck", Severity.SEV3, "zoë saw it first",
                List.of("queue"), DetectionSource.EMPLOYEE, t), "pager");
        stream.record(new IncidentAcknowledged(id, "lee", t.plusSeconds(60)), "lee");
        stream.record(new InternalNoteAdded(id, "Asked Zoë to look", t.plusSeconds(120)), "lee");

        var before = PostmortemDocument.render(PostmortemFoldTest.fold(stream.recorded()));
        stream.record(new ResponderAssigned(id, "Zoë", ResponderRole.SUBJECT_MATTER_EXPERT, t.plusSeconds(180)), "lee");
        var after = PostmortemDocument.render(PostmortemFoldTest.fold(stream.recorded()));

        assertThat(before.title()).isEqualTo("Zoë's queue is stuck");
        assertThat(after.title()).isEqualTo("Responder 2's queue is stuck");
        assertThat(after.summary()).isEqualTo("Responder 2 saw it first");
        assertThat(after.timeline()).extracting(PostmortemView.TimelineEntry::text).containsExactly(
                "Detected by employee as SEV3: Responder 2 saw it first",
                "Incident commander acknowledged the incident and took command",
                "Internal note: Asked Responder 2 to look",
                "Responder 2 joined as subject matter expert");
        assertThat(after.timeline()).extracting(PostmortemView.TimelineEntry::actor)
                .containsExactly("Responder 1", "Incident commander", "Incident commander", "Incident commander");
    }
}
