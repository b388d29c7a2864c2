package io.incidentledger.query.postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemCompleted;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentReopened;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderReleased;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.incident.SeverityChanged;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.postmortem.PostmortemState.ActionItem;
import io.incidentledger.query.postmortem.PostmortemState.Correction;
import io.incidentledger.query.postmortem.PostmortemState.Entry;
import io.incidentledger.query.postmortem.PostmortemState.Impact;
import io.incidentledger.query.postmortem.PostmortemState.RootCause;

/**
 * The postmortem's state change as a plain function of (state, event): no I/O, no clock, so the
 * same code rebuilds a postmortem as it stood at any past instant. An event at or below the
 * state's version was applied already and changes nothing.
 */
public final class PostmortemFold {

    private PostmortemFold() {
    }

    /**
     * The postmortem after exactly these events, rendered as the projection stores it: how it
     * is reconstructed as it was known at a past instant. Empty when there are no events.
     */
    public static Optional<PostmortemView> replay(List<RecordedEvent> events) {
        PostmortemState state = null;
        for (var recorded : events) {
            state = apply(state, recorded);
        }
        return Optional.ofNullable(state).map(PostmortemDocument::render);
    }

    static PostmortemState apply(PostmortemState state, RecordedEvent recorded) {
        var current = state != null ? state : PostmortemState.empty(recorded.event().incidentId().value());
        if (recorded.sequenceNumber() <= current.version()) {
            return current;
        }
        var next = new Draft(current, recorded);
        next.apply(recorded.event());
        return next.build();
    }

    /** A mutable copy used inside one application only. */
    private static final class Draft {

        private final RecordedEvent recorded;
        private final long seq;
        private String incidentId;
        private String title;
        private Severity severity;
        private List<String> services;
        private DetectionSource source;
        private Impact impact;
        private final List<RootCause> rootCauses;
        private final List<ActionItem> actionItems;
        private final List<Entry> entries;
        private final List<Correction> strayCorrections;

        Draft(PostmortemState state, RecordedEvent recorded) {
            this.recorded = recorded;
            this.seq = recorded.sequenceNumber();
            incidentId = state.incidentId();
            title = state.title();
            severity = state.severity();
            services = state.services();
            source = state.source();
            impact = state.impact();
            rootCauses = new ArrayList<>(state.rootCauses());
            actionItems = new ArrayList<>(state.actionItems());
            entries = new ArrayList<>(state.entries());
            strayCorrections = new ArrayList<>(state.strayCorrections());
        }

        PostmortemState build() {
            return new PostmortemState(incidentId, seq, title, severity, services, source, impact, rootCauses,
                    actionItems, entries, strayCorrections);
        }

        void apply(IncidentEvent event) {
            if (event instanceof IncidentDetected e) {
                title = e.title();
                severity = e.severity();
                services = e.affectedServices() == null ? List.of() : e.affectedServices();
                source = e.source();
                entry(TimelineKind.DETECTED, null, null,
                        "Detected by " + words(e.source()) + " as " + e.severity(), e.summary());
            } else if (event instanceof IncidentAcknowledged e) {
                entry(TimelineKind.ACKNOWLEDGED, e.commander(), ResponderRole.COMMANDER.name(),
                        "acknowledged the incident and took command", null);
            } else if (event instanceof ResponderAssigned e) {
                entry(TimelineKind.RESPONDER_ASSIGNED, e.responder(), name(e.role()),
                        e.role() == ResponderRole.COMMANDER ? "took over as incident commander"
                                : "joined as " + words(e.role()), null);
            } else if (event instanceof ResponderReleased e) {
                entry(TimelineKind.RESPONDER_RELEASED, e.responder(), name(e.role()),
                        e.role() == ResponderRole.COMMANDER ? "handed over command"
                                : "left the " + words(e.role()) + " role", null);
            } else if (event instanceof SeverityChanged e) {
                severity = e.to();
                entry(TimelineKind.SEVERITY_CHANGED, null, name(e.to()),
                        "Severity changed from " + e.from() + " to " + e.to(), e.reason());
            } else if (event instanceof ImpactAssessed e) {
                impact = assessed(e);
                entry(TimelineKind.IMPACT_ASSESSED, null, null, "Impact assessed", e.description());
            } else if (event instanceof InternalNoteAdded e) {
                entry(TimelineKind.INTERNAL_NOTE, null, null, "Internal note", e.note());
            } else if (event instanceof PublicUpdatePosted e) {
                entry(TimelineKind.PUBLIC_UPDATE, null, name(e.status()),
                        "Public update (" + words(e.status()) + ")", e.message());
            } else if (event instanceof IncidentContained e) {
                entry(TimelineKind.CONTAINED, null, name(e.mitigation()), "Contained by " + words(e.mitigation()),
                        e.description());
            } else if (event instanceof IncidentFixed e) {
                entry(TimelineKind.FIXED, null, e.fixReference(),
                        e.fixReference() == null ? "Fixed" : "Fixed (" + e.fixReference() + ")", e.resolution());
            } else if (event instanceof RootCauseIdentified e) {
                rootCauses.add(new RootCause(seq, e.whys() == null ? List.of() : e.whys(), e.trigger(),
                        e.whyNotCaught()));
                entry(TimelineKind.ROOT_CAUSE_IDENTIFIED, null, null, "Root cause identified", e.rootCause());
            } else if (event instanceof LessonRecorded e) {
                entry(TimelineKind.LESSON_RECORDED, null, name(e.category()),
                        "Lesson recorded (" + words(e.category()) + ")", e.text());
            } else if (event instanceof ActionItemAdded e) {
                actionItems.add(new ActionItem(seq, e.actionItemId(), e.kind(), e.ownerTeam(), e.dueDate(), null));
                entry(TimelineKind.ACTION_ITEM_ADDED, null, e.actionItemId(), "Action item " + e.actionItemId()
                        + " added (" + words(e.kind()) + ", owner " + e.ownerTeam() + ")", e.description());
            } else if (event instanceof ActionItemCompleted e) {
                completeActionItem(e.actionItemId());
                entry(TimelineKind.ACTION_ITEM_COMPLETED, null, e.actionItemId(),
                        "Action item " + e.actionItemId() + " completed", null);
            } else if (event instanceof IncidentReopened e) {
                entry(TimelineKind.REOPENED, null, null, "Reopened", e.reason());
            } else if (event instanceof IncidentLearned e) {
                entry(TimelineKind.LEARNED, null, null, "Postmortem completed", e.postmortemSummary());
            } else if (event instanceof EntryCorrected e) {
                correct(e);
            }
        }

        private void entry(TimelineKind kind, String person, String detail, String headline, String text) {
            entries.add(new Entry(seq, kind, recorded.event().occurredAt(), recorded.recordedAt(), recorded.actor(),
                    person, detail, headline, text, List.of()));
        }

        /** A later assessment refines an earlier one: each field keeps its latest known value. */
        private Impact assessed(ImpactAssessed e) {
            var components = e.components() == null ? List.<AffectedComponent>of()
                    : e.components();
            if (impact == null) {
                return new Impact(seq, e.impactStartedAt(), e.affectedUsersPercent(), components);
            }
            return new Impact(seq,
                    e.impactStartedAt() != null ? e.impactStartedAt() : impact.impactStartedAt(),
                    e.affectedUsersPercent() != null ? e.affectedUsersPercent() : impact.affectedUsersPercent(),
                    components.isEmpty() ? impact.components() : components);
        }

        private void completeActionItem(String id) {
            for (int i = 0; i < actionItems.size(); i++) {
                var item = actionItems.get(i);
                if (item.id().equals(id) && item.completedSequenceNumber() == null) {
                    actionItems.set(i, new ActionItem(item.sequenceNumber(), item.id(), item.kind(), item.ownerTeam(),
                            item.dueDate(), seq));
                }
            }
        }

        private void correct(EntryCorrected e) {
            var correction = new Correction(seq, recorded.actor(), e.reason());
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                if (entry.sequenceNumber() == e.correctedSequenceNumber()) {
                    entries.set(i, entry.corrected(correction, e.replacementText(), e.correctedOccurredAt()));
                    return;
                }
            }
            strayCorrections.add(correction);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** CUSTOMER_REPORT reads "customer report". */
    static String words(Enum<?> value) {
        return value == null ? "unknown" : value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
