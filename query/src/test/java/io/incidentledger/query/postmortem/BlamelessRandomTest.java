package io.incidentledger.query.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemCompleted;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.RecordedEvent;
import org.junit.jupiter.api.Test;

/**
 * Random incidents whose every free text mentions people (in any case, with any spacing, in
 * decomposed Unicode, next to punctuation, before they join), whose actors, commanders,
 * responders and correctors are people with awkward names: no participant's name may appear in
 * any string of the postmortem view or in its Markdown, after any prefix of the stream.
 */
class BlamelessRandomTest {

    private static final long SEED = 20_250_314L;
    private static final int INCIDENTS = 300;
    private static final int CHECK_EVERY_PREFIX = 60;
    private static final List<String> PEOPLE = List.of("maria", "Maria Lopez", "Bob O'Neil", "j.doe", "Zoë", "Al",
            "ann-marie", "li", "x+y", "Dr. Who", "Émile", "李雷", "kim_park", "$1\\x", "a.b*c");
    private static final List<String> WORDS = List.of("deploy", "rollback", "pool", "alert", "Alert", "total", "alias",
            "Marianne", "maria_db", "lisbon", "whoami", "the", "and", "because", "restarted", "paged", "cache", "ALL",
            "x", "y", "j", "doe", "lion");
    private static final List<String> SEPARATORS = List.of(" ", ", ", " (", ") ", "'s ", ": ", " @", "\n", ". ", "\t");

    private final Random random = new Random(SEED);
    private int mentions;

    @Test
    void noParticipantNameReachesAnyPostmortemOrItsMarkdown() {
        System.out.println("BlamelessRandomTest seed=" + SEED);
        int views = 0;
        for (int i = 0; i < INCIDENTS; i++) {
            var events = incident("INC-R" + i, Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(i)));
            PostmortemState state = null;
            for (int n = 0; n < events.size(); n++) {
                state = PostmortemFold.apply(state, events.get(n));
                if (i < CHECK_EVERY_PREFIX || n == events.size() - 1) {
                    assertBlameless(state, participants(events.subList(0, n + 1)), i, n);
                    views++;
                }
            }
        }
        System.out.println("BlamelessRandomTest checked " + views + " views; texts naming a participant: " + mentions);
        assertThat(mentions).as("the generator must really mention people").isGreaterThan(1000);
    }

    private void assertBlameless(PostmortemState state, Set<String> participants, int incident, int prefix) {
        var view = PostmortemDocument.render(state);
        var texts = new ArrayList<String>();
        strings(view, texts);
        var markdown = PostmortemMarkdown.render(view).replace("<br>", "\n").replaceAll("\\\\(\\p{Punct})", "$1");
        texts.add(markdown);
        for (var name : participants) {
            var pattern = wholeWord(name);
            for (var text : texts) {
                var found = pattern.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
                assertThat(found.find()).as("seed %d, incident %d, prefix %d: '%s' in %s", SEED, incident, prefix, name,
                        text).isFalse();
            }
        }
    }

    private static Pattern wholeWord(String name) {
        var words = Normalizer.normalize(name, Normalizer.Form.NFC).split(" ");
        var quoted = new ArrayList<String>();
        for (var word : words) {
            quoted.add(Pattern.quote(word));
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + String.join("\\s+", quoted) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every string anywhere in a view: record components, lists, recursively. */
    private static void strings(Object value, List<String> out) {
        if (value instanceof String text) {
            out.add(text);
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> strings(v, out));
        } else if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    strings(component.getAccessor().invoke(record), out);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Set<String> participants(List<RecordedEvent> events) {
        var names = new LinkedHashSet<String>();
        for (var recorded : events) {
            if (recorded.actor() != null) {
                names.add(recorded.actor());
            }
            var event = recorded.event();
            if (event instanceof IncidentAcknowledged e) {
                names.add(e.commander());
            } else if (event instanceof ResponderAssigned e) {
                names.add(e.responder());
            } else if (event instanceof ResponderReleased e) {
                names.add(e.responder());
            }
        }
        return names;
    }

    private List<RecordedEvent> incident(String incidentId, Instant detectedAt) {
        var id = new IncidentId(incidentId);
        var stream = new IncidentStream(incidentId, detectedAt);
        var clock = new Instant[] {detectedAt};
        stream.record(new IncidentDetected(id, text(), pick(Severity.values()), text(), List.of(text(), "api"),
                pick(DetectionSource.values()), detectedAt), actor());
        var commander = person();
        stream.record(new IncidentAcknowledged(id, commander, next(clock)), actor());
        int length = 10 + random.nextInt(35);
        int actionItems = 0;
        for (int i = 0; i < length; i++) {
            IncidentEvent event = switch (random.nextInt(17)) {
                case 0 -> new ResponderAssigned(id, person(), pick(ResponderRole.values()), next(clock));
                case 1 -> new ResponderReleased(id, person(), pick(ResponderRole.values()), next(clock));
                case 2 -> new SeverityChanged(id, pick(Severity.values()), pick(Severity.values()), text(), next(clock));
                case 3 -> new ImpactAssessed(id, text(), detectedAt.minus(Duration.ofMinutes(random.nextInt(60))),
                        (double) random.nextInt(101), List.of(new AffectedComponent(line(), ComponentStatus.MAJOR_OUTAGE)),
                        next(clock));
                case 4 -> new InternalNoteAdded(id, text(), random.nextBoolean() ? next(clock)
                        : detectedAt.minus(Duration.ofMinutes(1 + random.nextInt(30))));
                case 5 -> new PublicUpdatePosted(id, text(), pick(PublicStatus.values()), null, next(clock));
                case 6 -> new IncidentContained(id, pick(Mitigation.values()), text(), next(clock));
                case 7 -> new IncidentFixed(id, text(), random.nextBoolean() ? null : line(), next(clock));
                case 8 -> new IncidentReopened(id, text(), next(clock));
                case 9 -> new RootCauseIdentified(id, List.of(text(), text()), text(), text(), text(), next(clock));
                case 10 -> new LessonRecorded(id, pick(LessonCategory.values()), text(), next(clock));
                case 11 -> new ActionItemAdded(id, "AI-" + ++actionItems, text(), pick(ActionItemKind.values()),
                        line(), LocalDate.parse("2025-06-01"), next(clock));
                case 12 -> new ActionItemCompleted(id, "AI-" + Math.max(1, actionItems), next(clock));
                case 13, 14 -> new EntryCorrected(id, random.nextInt((int) stream.nextSequenceNumber()), text(),
                        random.nextBoolean() ? text() : null,
                        random.nextBoolean() ? null : detectedAt.plus(Duration.ofMinutes(random.nextInt(90))),
                        next(clock));
                default -> new InternalNoteAdded(id, text(), next(clock));
            };
            stream.record(event, actor());
        }
        if (random.nextBoolean()) {
            stream.record(new IncidentLearned(id, text(), next(clock)), actor());
            stream.record(new EntryCorrected(id, random.nextInt((int) stream.nextSequenceNumber()), text(), text(),
                    null, next(clock)), actor());
        }
        return stream.recorded();
    }

    private Instant next(Instant[] clock) {
        clock[0] = clock[0].plus(Duration.ofSeconds(1 + random.nextInt(600)));
        return clock[0];
    }

    private String actor() {
        return random.nextInt(8) == 0 ? null : person();
    }

    private String person() {
        return pick(PEOPLE.toArray(String[]::new));
    }

    /** A free text of words, separators and names of anyone in the pool, participant or not (yet). */
    private String text() {
        return text(2 + random.nextInt(12));
    }

    private String text(int parts) {
        var text = new StringBuilder(pick(WORDS.toArray(String[]::new)));
        boolean named = false;
        for (int i = 0; i < parts; i++) {
            text.append(pick(SEPARATORS.toArray(String[]::new)));
            if (random.nextInt(3) == 0) {
                text.append(disguised(person()));
                named = true;
            } else {
                text.append(pick(WORDS.toArray(String[]::new)));
            }
        }
        if (named) {
            mentions++;
        }
        return text.toString();
    }

    /** A short single line, as component names and references must be. */
    private String line() {
        return text(1 + random.nextInt(3)).replaceAll("\\s+", " ").strip();
    }

    /** The name in a random case, with random spacing between its words, sometimes decomposed. */
    private String disguised(String name) {
        var cased = switch (random.nextInt(3)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
        var spaced = cased.replace(" ", random.nextBoolean() ? " " : random.nextBoolean() ? "  " : "\n ");
        return random.nextInt(4) == 0 ? Normalizer.normalize(spaced, Normalizer.Form.NFD) : spaced;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
