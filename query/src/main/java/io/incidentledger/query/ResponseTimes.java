package io.incidentledger.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The moments of an incident's response and the durations between them, one rule for every
 * read model so the postmortem and analytics never disagree.
 *
 * <p>With reopening, the response is measured by its first cycle and its final fix: detection,
 * acknowledgement and containment are the first ones (how fast we reacted), while the fix is the
 * last fix not followed by a reopening (a fix that regressed did not end the impact). While an
 * incident is reopened it has no fix time. A duration is null when either end is unknown, and
 * never negative (detecting before customers felt anything counts as zero time to detect).
 */
public record ResponseTimes(
        Instant impactStartedAt,
        Instant detectedAt,
        Instant acknowledgedAt,
        Instant containedAt,
        Instant fixedAt,
        Instant learnedAt,
        Instant firstPublicUpdateAt,
        int reopenCount) {

    /** The kinds of entry that mark the response; times are the (corrected) business times. */
    public enum MilestoneKind { DETECTED, ACKNOWLEDGED, CONTAINED, FIXED, REOPENED, LEARNED, PUBLIC_UPDATE }

    public record Milestone(long sequenceNumber, MilestoneKind kind, Instant at) {
    }

    public static ResponseTimes of(Instant impactStartedAt, List<Milestone> milestones) {
        var lastReopening = milestones.stream().filter(m -> m.kind() == MilestoneKind.REOPENED)
                .mapToLong(Milestone::sequenceNumber).max().orElse(-1);
        var finalFix = milestones.stream()
                .filter(m -> m.kind() == MilestoneKind.FIXED && m.sequenceNumber() > lastReopening)
                .max(Comparator.comparingLong(Milestone::sequenceNumber)).map(Milestone::at).orElse(null);
        var reopenings = (int) milestones.stream().filter(m -> m.kind() == MilestoneKind.REOPENED).count();
        return new ResponseTimes(impactStartedAt, earliest(milestones, MilestoneKind.DETECTED),
                earliest(milestones, MilestoneKind.ACKNOWLEDGED), earliest(milestones, MilestoneKind.CONTAINED),
                finalFix, earliest(milestones, MilestoneKind.LEARNED), earliest(milestones, MilestoneKind.PUBLIC_UPDATE),
                reopenings);
    }

    public Long timeToDetectSeconds() {
        return seconds(impactStartedAt, detectedAt);
    }

    public Long timeToAcknowledgeSeconds() {
        return seconds(detectedAt, acknowledgedAt);
    }

    public Long timeToContainSeconds() {
        return seconds(detectedAt, containedAt);
    }

    public Long timeToFixSeconds() {
        return seconds(detectedAt, fixedAt);
    }

    public Long timeToLearnSeconds() {
        return seconds(fixedAt, learnedAt);
    }

    public Long impactDurationSeconds() {
        return seconds(impactStartedAt, fixedAt);
    }

    public Long timeToFirstPublicUpdateSeconds() {
        return seconds(detectedAt, firstPublicUpdateAt);
    }

    private static Instant earliest(List<Milestone> milestones, MilestoneKind kind) {
        return milestones.stream().filter(m -> m.kind() == kind).map(Milestone::at)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Long seconds(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
