package io.incidentledger.query.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.Severity;

/**
 * The blameless postmortem of one incident, in the sections of the Google SRE template. People
 * appear only as role labels ("Incident commander", "Responder 1"); every text has known names
 * replaced by those labels. Text and times are the corrected ones; the timeline marks each
 * corrected entry. Durations are whole seconds, by the rules of
 * {@link io.incidentledger.query.ResponseTimes}.
 *
 * @param summary the postmortem summary once learned, the detection summary before
 * @param leadUp the timeline entries that occurred before detection
 * @param timeline every entry, ordered by the minute it occurred in, then by recorded order
 */
public record PostmortemView(
        String incidentId,
        long version,
        String title,
        Status status,
        Severity severity,
        List<String> services,
        String summary,
        Impact impact,
        List<RootCause> rootCauses,
        Resolution resolution,
        Detection detection,
        List<ActionItem> actionItems,
        Lessons lessons,
        List<TimelineEntry> leadUp,
        List<TimelineEntry> timeline,
        ResponseMetrics metrics,
        List<Participant> participants,
        int reopenCount) {

    /** DRAFT until the incident is learned; FINAL after, for good (a learned incident is closed). */
    public enum Status { DRAFT, FINAL }

    public enum ActionItemStatus { OPEN, DONE }

    /** Null in the view until an impact is assessed. */
    public record Impact(String description, Instant impactStartedAt, Double affectedUsersPercent,
                         List<Component> components) {
    }

    public record Component(String name, ComponentStatus status) {
    }

    public record RootCause(Instant identifiedAt, List<String> whys, String rootCause, String trigger,
                            String whyNotCaught) {
    }

    /** Every containment and fix, reopened cycles included, in the order they occurred. */
    public record Resolution(List<Containment> containments, List<Fix> fixes) {
    }

    public record Containment(Instant containedAt, Mitigation mitigation, String description) {
    }

    public record Fix(Instant fixedAt, String resolution, String fixReference) {
    }

    public record Detection(DetectionSource source, Instant detectedAt, Long timeToDetectSeconds) {
    }

    public record ActionItem(String id, String description, ActionItemKind kind, String ownerTeam,
                             ActionItemStatus status, LocalDate dueDate, Instant completedAt) {
    }

    public record Lessons(List<String> wentWell, List<String> wentWrong, List<String> gotLucky) {
    }

    /** @param actor who recorded the entry, as a role label; null when unknown */
    public record TimelineEntry(long sequenceNumber, Instant occurredAt, Instant recordedAt, TimelineKind kind,
                                String actor, String text, boolean corrected, List<String> correctionReasons) {
    }

    public record ResponseMetrics(Long timeToDetectSeconds, Long timeToAcknowledgeSeconds, Long timeToContainSeconds,
                                  Long timeToFixSeconds, Long impactDurationSeconds,
                                  Long timeToFirstPublicUpdateSeconds) {
    }

    /** A person of the response by label, with the roles they held in the order they took them. */
    public record Participant(String label, List<ResponderRole> roles) {
    }
}
