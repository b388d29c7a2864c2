package io.incidentledger.incident;

import static io.incidentledger.incident.Timeline.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Shape checks in the compact constructors: bad input is refused before any rule runs, naming the field. */
class CommandShapeTest {

    private static final String TOO_LONG_TEXT = "x".repeat(Texts.TEXT + 1);

    static Stream<Arguments> malformedCommands() {
        return Stream.of(
                malformed("blank title", "title",
                        () -> new DetectIncident(ID, "  ", Severity.SEV1, null, null, null, null)),
                malformed("missing severity", "severity",
                        () -> new DetectIncident(ID, "Down", null, null, null, null, null)),
                malformed("line break in a title", "title",
                        () -> new DetectIncident(ID, "Down\nnow", Severity.SEV1, null, null, null, null)),
                malformed("null service", "affectedServices",
                        () -> new DetectIncident(ID, "Down", Severity.SEV1, null, Arrays.asList("api", null), null,
                                null)),
                malformed("51 services", "affectedServices",
                        () -> new DetectIncident(ID, "Down", Severity.SEV1, null, Collections.nCopies(51, "api"), null,
                                null)),
                malformed("missing incident id", "incidentId", () -> new AcknowledgeIncident(null, "alice", null)),
                malformed("bell character in a name", "commander", () -> new AcknowledgeIncident(ID, "ali\u0007ce", null)),
                malformed("101-character name", "responder",
                        () -> new AssignResponder(ID, "a".repeat(101), ResponderRole.SCRIBE, null)),
                malformed("missing role", "role", () -> new AssignResponder(ID, "bob", null, null)),
                malformed("blank reason", "reason", () -> new ChangeSeverity(ID, Severity.SEV1, "", null)),
                malformed("negative percent", "affectedUsersPercent",
                        () -> new AssessImpact(ID, "Slow", null, -0.1, new ArrayList<>(), null)),
                malformed("percent above 100", "affectedUsersPercent",
                        () -> new AssessImpact(ID, "Slow", null, 100.01, new ArrayList<>(), null)),
                malformed("percent not a number", "affectedUsersPercent",
                        () -> new AssessImpact(ID, "Slow", null, Double.NaN, new ArrayList<>(), null)),
                malformed("null component", "components",
                        () -> new AssessImpact(ID, "Slow", null, null, Arrays.asList(component("api"), null), null)),
                malformed("component named twice", "components",
                        () -> new AssessImpact(ID, "Slow", null, null, new ArrayList<>(List.of(component("api"),
                                component("api"))), null)),
                malformed("blank component name", "components.name", () -> component(" ")),
                malformed("10,001-character note", "note", () -> new AddInternalNote(ID, TOO_LONG_TEXT, null)),
                malformed("NUL in a note", "note", () -> new AddInternalNote(ID, "a\u0000b", null)),
                malformed("missing public status", "status",
                        () -> new PostPublicUpdate(ID, "Investigating", null, null, null)),
                malformed("missing mitigation", "mitigation", () -> new ContainIncident(ID, null, "Rolled back", null)),
                malformed("line break in a fix reference", "fixReference",
                        () -> new FixIncident(ID, "Fixed", "PR-1\nPR-2", null)),
                malformed("null why", "whys",
                        () -> new IdentifyRootCause(ID, Arrays.asList("why", null), "cause", null, null, null)),
                malformed("51 whys", "whys",
                        () -> new IdentifyRootCause(ID, Collections.nCopies(51, "why"), "cause", null, null, null)),
                malformed("missing lesson category", "category", () -> new RecordLesson(ID, null, "Lucky", null)),
                malformed("missing action item kind", "kind",
                        () -> new AddActionItem(ID, "AI-1", "Alert", null, "payments", null, null)),
                malformed("blank action item id", "actionItemId", () -> new CompleteActionItem(ID, " ", null)),
                malformed("correction without text or time", "replacementText",
                        () -> new CorrectEntry(ID, 1, "Typo", "  ", null, null)),
                malformed("negative sequence number", "sequenceNumber",
                        () -> new CorrectEntry(ID, -1, "Typo", "text", null, null)),
                malformed("blank reopening reason", "reason", () -> new ReopenIncident(ID, null, null)),
                malformed("too long postmortem summary", "postmortemSummary",
                        () -> new LearnFromIncident(ID, TOO_LONG_TEXT, null)));
    }

    private static Arguments malformed(String what, String field, ThrowingCallable construction) {
        return Arguments.of(named(what, construction), field);
    }

    private static AffectedComponent component(String name) {
        return new AffectedComponent(name, ComponentStatus.PARTIAL_OUTAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommands")
    void refusesMalformedInputNamingTheField(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "<script>", "", " INC-1", "INC 1", "-INC", "a;DROP", "INC-1/2", "ñ", "_INC", "INC-1\n", "INC\u00e9", "\uff11NC", "INC.1"})
    void refusesIncidentIdsOutsideTheSafeAlphabet(String value) {
        assertThatThrownBy(() -> new IncidentId(value)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.field()).isEqualTo("incidentId"));
        assertThat(IncidentId.isValid(value)).isFalse();
    }

    @Test
    void refusesAMissingOrOverlongIncidentId() {
        assertThatThrownBy(() -> new IncidentId(null)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new IncidentId("a".repeat(65))).isInstanceOf(InvalidCommandException.class);
        assertThat(new IncidentId("a".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "9", "INC-1", "inc_2", "0-_zZ9", "INC--__"})
    void acceptsIdsInTheSafeAlphabet(String value) {
        assertThat(new IncidentId(value).value()).isEqualTo(value);
        assertThat(IncidentId.isValid(value)).isTrue();
    }

    @Test
    void generatesValidIdsThatAxonStoresAsTheRawValue() {
        var id = IncidentId.generate();
        assertThat(IncidentId.isValid(id.value())).isTrue();
        assertThat(id).hasToString(id.value());
        assertThat(id.value()).startsWith("INC-").hasSize(14);
    }

    @Test
    void acceptsTheLimitsThemselves() {
        assertThat(new AddInternalNote(ID, "x".repeat(Texts.TEXT), null).note()).hasSize(Texts.TEXT);
        assertThat(new AssessImpact(ID, "All", null, 100.0, new ArrayList<>(), null).affectedUsersPercent())
                .isEqualTo(100.0);
        assertThat(new AssessImpact(ID, "None", null, 0.0, new ArrayList<>(), null).affectedUsersPercent()).isZero();
        assertThat(new AssignResponder(ID, "b".repeat(Texts.NAME), ResponderRole.SCRIBE, null).responder())
                .hasSize(Texts.NAME);
    }

    @Test
    void normalizesWhatItAccepts() {
        var detect = new DetectIncident(ID, "  Checkout fails ", Severity.SEV2, "  ", List.of("api", "api", "db"),
                null, null);
        assertThat(detect.title()).isEqualTo("Checkout fails");
        assertThat(detect.summary()).isNull();
        assertThat(detect.affectedServices()).containsExactly("api", "db");
        assertThat(detect.source()).isEqualTo(DetectionSource.OTHER);
        assertThat(new AddInternalNote(ID, "line one\n\tline two", null).note()).isEqualTo("line one\n\tline two");
        assertThat(new FixIncident(ID, "Fixed", " ", null).fixReference()).isNull();
    }

    @Test
    void refusesANegativeClockSkewAllowance() {
        assertThatThrownBy(() -> new TimePolicy(Clock.systemUTC(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimePolicy(null, Duration.ZERO)).isInstanceOf(InvalidCommandException.class);
    }
}
