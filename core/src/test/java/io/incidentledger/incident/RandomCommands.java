package io.incidentledger.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.incidentledger.incident.StoredStreamCheck.View;

/**
 * Random commands of every type, with times chosen around the edges that matter: before detection,
 * before the last phase change, exactly at it, inside and beyond the clock-skew allowance. A few carry
 * blank text, which the command's own constructor refuses.
 */
final class RandomCommands {

    private static final String[] PEOPLE = {"alice", "bob", "carol", "dave"};
    private static final String[] ACTION_ITEMS = {"AI-1", "AI-2", "AI-3"};

    private final Random random;
    private final SteppingClock clock;
    private final Duration skew;

    RandomCommands(Random random, SteppingClock clock, Duration skew) {
        this.random = random;
        this.clock = clock;
        this.skew = skew;
    }

    DetectIncident detect(IncidentId id) {
        var now = clock.instant();
        int roll = random.nextInt(10);
        Instant at = roll < 4 ? null
                : roll < 7 ? now.minusSeconds(random.nextInt(7200))
                : roll < 9 ? now.plusSeconds(random.nextInt(30))
                : now.plusSeconds(31 + random.nextInt(3600));
        return new DetectIncident(id, text("Incident"), pick(Severity.values()), null, List.of("checkout"),
                pick(DetectionSource.values()), at);
    }

    Object next(IncidentId id, View view) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return new AcknowledgeIncident(id, pick(PEOPLE), time(view));
        } else if (roll < 15) {
            return new AssignResponder(id, pick(PEOPLE), pick(ResponderRole.values()), time(view));
        } else if (roll < 19) {
            return new ReleaseResponder(id, pick(PEOPLE), time(view));
        } else if (roll < 24) {
            return new ChangeSeverity(id, pick(Severity.values()), text("Reason"), time(view));
        } else if (roll < 29) {
            var at = time(view);
            var components = random.nextBoolean() ? List.<AffectedComponent>of()
                    : List.of(new AffectedComponent("Checkout", pick(ComponentStatus.values())));
            return new AssessImpact(id, text("Impact"), impactStart(at), random.nextBoolean() ? null
                    : random.nextDouble() * 100, components, at);
        } else if (roll < 35) {
            return new AddInternalNote(id, text("Note"), time(view));
        } else if (roll < 41) {
            var at = time(view);
            return new PostPublicUpdate(id, text("Update"), pick(PublicStatus.values()), nextUpdateDue(at), at);
        } else if (roll < 48) {
            return new ContainIncident(id, pick(Mitigation.values()), text("Mitigation"), time(view));
        } else if (roll < 55) {
            return new FixIncident(id, text("Resolution"), random.nextBoolean() ? "PR-" + random.nextInt(99) : null,
                    time(view));
        } else if (roll < 59) {
            return new IdentifyRootCause(id, List.of(text("Why")), text("Cause"), null, null, time(view));
        } else if (roll < 63) {
            return new RecordLesson(id, pick(LessonCategory.values()), text("Lesson"), time(view));
        } else if (roll < 68) {
            return new AddActionItem(id, pick(ACTION_ITEMS), text("Action"), pick(ActionItemKind.values()), "team",
                    null, time(view));
        } else if (roll < 73) {
            return new CompleteActionItem(id, pick(ACTION_ITEMS), time(view));
        } else if (roll < 85) {
            return correction(id, view);
        } else if (roll < 91) {
            return new ReopenIncident(id, text("Regression"), time(view));
        }
        return new LearnFromIncident(id, text("Postmortem"), time(view));
    }

    private CorrectEntry correction(IncidentId id, View view) {
        long target = random.nextInt(view.size() + 2);
        int roll = random.nextInt(10);
        String replacement = roll < 4 || roll >= 8 ? text("Corrected") : null;
        Instant corrected = roll >= 4 ? time(view) : null;
        if (replacement == null && corrected == null) {
            corrected = clock.instant();
        }
        return new CorrectEntry(id, target, text("Reason"), replacement, corrected,
                random.nextInt(4) == 0 ? time(view) : null);
    }

    /** Null (now) often; otherwise a time around one of the edges the rules care about. */
    private Instant time(View view) {
        var now = clock.instant();
        int roll = random.nextInt(100);
        if (roll < 35) {
            return null;
        } else if (roll < 60) {
            return between(view.lastPhaseAt(), now);
        } else if (roll < 70) {
            return between(view.detectedAt(), view.lastPhaseAt());
        } else if (roll < 78) {
            return view.detectedAt().minusSeconds(1 + random.nextInt(7200)).minusNanos(random.nextInt(1_000_000_000));
        } else if (roll < 84) {
            return now.plusSeconds(random.nextInt(30));
        } else if (roll < 90) {
            return now.plusSeconds(31 + random.nextInt(3600));
        }
        return pick(new Instant[] {view.detectedAt(), view.lastPhaseAt(), now.plus(skew), now.plus(skew).plusNanos(1)});
    }

    private Instant impactStart(Instant at) {
        var base = at == null ? clock.instant() : at;
        int roll = random.nextInt(10);
        return roll < 4 ? null : roll < 8 ? base.minusSeconds(random.nextInt(10_800)) : base.plusSeconds(1 + random.nextInt(600));
    }

    private Instant nextUpdateDue(Instant at) {
        var base = at == null ? clock.instant() : at;
        int roll = random.nextInt(10);
        return roll < 4 ? null : roll < 8 ? base.plusSeconds(1 + random.nextInt(3600)) : base.minusSeconds(random.nextInt(600));
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(0, Duration.between(from, to).toMillis());
        return from.plusMillis(span == 0 ? 0 : random.nextLong(span + 1)).plusNanos(random.nextInt(1_000_000));
    }

    /** Two in a hundred are blank, which the command's constructor refuses. */
    private String text(String prefix) {
        return random.nextInt(100) < 2 ? " " : prefix + " " + random.nextInt(1000);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
