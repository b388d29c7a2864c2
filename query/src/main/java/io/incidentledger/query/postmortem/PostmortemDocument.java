package io.incidentledger.query.postmortem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.query.ResponseTimes;
import io.incidentledger.query.ResponseTimes.Milestone;
import io.incidentledger.query.ResponseTimes.MilestoneKind;
import io.incidentledger.query.postmortem.PostmortemState.Entry;
import io.incidentledger.query.postmortem.PostmortemView.ActionItem;
import io.incidentledger.query.postmortem.PostmortemView.ActionItemStatus;
import io.incidentledger.query.postmortem.PostmortemView.Component;
import io.incidentledger.query.postmortem.PostmortemView.Containment;
import io.incidentledger.query.postmortem.PostmortemView.Detection;
import io.incidentledger.query.postmortem.PostmortemView.Fix;
import io.incidentledger.query.postmortem.PostmortemView.Impact;
import io.incidentledger.query.postmortem.PostmortemView.Lessons;
import io.incidentledger.query.postmortem.PostmortemView.Resolution;
import io.incidentledger.query.postmortem.PostmortemView.ResponseMetrics;
import io.incidentledger.query.postmortem.PostmortemView.RootCause;
import io.incidentledger.query.postmortem.PostmortemView.Status;
import io.incidentledger.query.postmortem.PostmortemView.TimelineEntry;

/**
 * Turns the raw state into the blameless view: people become role labels, names inside any text
 * become labels, sections read their (corrected) text and time from their timeline entry.
 * Deterministic: the same state always gives an equal view.
 */
final class PostmortemDocument {

    /** Times typed by hand within a minute are less reliable than the order they were recorded in. */
    static final Comparator<Entry> TIMELINE_ORDER = Comparator
            .comparing((Entry e) -> e.occurredAt().truncatedTo(ChronoUnit.MINUTES))
            .thenComparingLong(Entry::sequenceNumber);

    private final PostmortemState state;
    private final Roster roster;
    private final Map<Long, Entry> bySequence;

    private PostmortemDocument(PostmortemState state) {
        this.state = state;
        this.roster = Roster.of(state);
        this.bySequence = state.entries().stream()
                .collect(Collectors.toMap(Entry::sequenceNumber, Function.identity()));
    }

    static PostmortemView render(PostmortemState state) {
        return new PostmortemDocument(state).view();
    }

    private PostmortemView view() {
        var detected = first(TimelineKind.DETECTED);
        var learned = first(TimelineKind.LEARNED);
        var times = ResponseTimes.of(state.impact() == null ? null : state.impact().impactStartedAt(), milestones());
        var ordered = state.entries().stream().sorted(TIMELINE_ORDER).toList();
        var timeline = ordered.stream().map(this::timelineEntry).toList();
        var leadUp = detected == null ? List.<TimelineEntry>of() : ordered.stream()
                .filter(e -> e.occurredAt().isBefore(detected.occurredAt())).map(this::timelineEntry).toList();
        return new PostmortemView(
                state.incidentId(),
                state.version(),
                roster.scrub(state.title()),
                learned == null ? Status.DRAFT : Status.FINAL,
                state.severity(),
                roster.scrub(state.services()),
                roster.scrub(learned != null ? learned.text() : detected == null ? null : detected.text()),
                impact(),
                rootCauses(),
                new Resolution(containments(), fixes()),
                new Detection(state.source(), times.detectedAt(), times.timeToDetectSeconds()),
                actionItems(),
                new Lessons(lessons(LessonCategory.WENT_WELL), lessons(LessonCategory.WENT_WRONG),
                        lessons(LessonCategory.GOT_LUCKY)),
                leadUp,
                timeline,
                new ResponseMetrics(times.timeToDetectSeconds(), times.timeToAcknowledgeSeconds(),
                        times.timeToContainSeconds(), times.timeToFixSeconds(), times.impactDurationSeconds(),
                        times.timeToFirstPublicUpdateSeconds()),
                roster.participants(),
                times.reopenCount());
    }

    private TimelineEntry timelineEntry(Entry entry) {
        var text = new StringBuilder();
        var person = roster.label(entry.person());
        if (person != null) {
            text.append(person).append(' ');
        }
        text.append(roster.scrub(entry.headline()));
        if (entry.text() != null) {
            text.append(": ").append(roster.scrub(entry.text()));
        }
        var reasons = entry.corrections().stream().map(c -> roster.scrub(c.reason())).toList();
        return new TimelineEntry(entry.sequenceNumber(), entry.occurredAt(), entry.recordedAt(), entry.kind(),
                roster.label(entry.actor()), text.toString(), !reasons.isEmpty(), reasons);
    }

    private Impact impact() {
        var impact = state.impact();
        if (impact == null) {
            return null;
        }
        var components = impact.components().stream()
                .map(c -> new Component(roster.scrub(c.name()), c.status())).toList();
        return new Impact(roster.scrub(text(impact.sequenceNumber())), impact.impactStartedAt(),
                impact.affectedUsersPercent(), components);
    }

    private List<RootCause> rootCauses() {
        return state.rootCauses().stream().map(cause -> new RootCause(time(cause.sequenceNumber()),
                roster.scrub(cause.whys()), roster.scrub(text(cause.sequenceNumber())), roster.scrub(cause.trigger()),
                roster.scrub(cause.whyNotCaught()))).toList();
    }

    private List<Containment> containments() {
        return entries(TimelineKind.CONTAINED).map(e -> new Containment(e.occurredAt(),
                e.detail() == null ? null : Mitigation.valueOf(e.detail()), roster.scrub(e.text()))).toList();
    }

    private List<Fix> fixes() {
        return entries(TimelineKind.FIXED).map(e -> new Fix(e.occurredAt(), roster.scrub(e.text()),
                roster.scrub(e.detail()))).toList();
    }

    private List<ActionItem> actionItems() {
        return state.actionItems().stream().map(item -> new ActionItem(roster.scrub(item.id()),
                roster.scrub(text(item.sequenceNumber())), item.kind(), roster.scrub(item.ownerTeam()),
                item.completedSequenceNumber() == null ? ActionItemStatus.OPEN : ActionItemStatus.DONE,
                item.dueDate(), item.completedSequenceNumber() == null ? null : time(item.completedSequenceNumber())))
                .toList();
    }

    private List<String> lessons(LessonCategory category) {
        return state.entries().stream()
                .filter(e -> e.kind() == TimelineKind.LESSON_RECORDED && category.name().equals(e.detail()))
                .map(e -> roster.scrub(e.text())).toList();
    }

    private List<Milestone> milestones() {
        var milestones = new ArrayList<Milestone>();
        for (var entry : state.entries()) {
            var kind = milestoneKind(entry.kind());
            if (kind != null) {
                milestones.add(new Milestone(entry.sequenceNumber(), kind, entry.occurredAt()));
            }
        }
        return milestones;
    }

    private static MilestoneKind milestoneKind(TimelineKind kind) {
        return switch (kind) {
            case DETECTED -> MilestoneKind.DETECTED;
            case ACKNOWLEDGED -> MilestoneKind.ACKNOWLEDGED;
            case CONTAINED -> MilestoneKind.CONTAINED;
            case FIXED -> MilestoneKind.FIXED;
            case REOPENED -> MilestoneKind.REOPENED;
            case LEARNED -> MilestoneKind.LEARNED;
            case PUBLIC_UPDATE -> MilestoneKind.PUBLIC_UPDATE;
            default -> null;
        };
    }

    /** Sections keep their entries' recorded order; the timeline is where time order lives. */
    private Stream<Entry> entries(TimelineKind kind) {
        return state.entries().stream().filter(e -> e.kind() == kind);
    }

    private Entry first(TimelineKind kind) {
        return entries(kind).findFirst().orElse(null);
    }

    private String text(long sequenceNumber) {
        var entry = bySequence.get(sequenceNumber);
        return entry == null ? null : entry.text();
    }

    private Instant time(long sequenceNumber) {
        return Objects.requireNonNull(bySequence.get(sequenceNumber)).occurredAt();
    }
}
