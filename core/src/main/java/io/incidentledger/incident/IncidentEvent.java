package io.incidentledger.incident;

import java.time.Instant;

/**
 * Everything that can happen to an incident. Each is immutable and permanent: once stored, a
 * name and its package never change; a new shape gets a new {@code @Revision} and an upcaster.
 */
public sealed interface IncidentEvent permits IncidentDetected, IncidentAcknowledged, ResponderAssigned,
        ResponderReleased, SeverityChanged, ImpactAssessed, InternalNoteAdded, PublicUpdatePosted,
        IncidentContained, IncidentFixed, RootCauseIdentified, LessonRecorded, ActionItemAdded,
        ActionItemCompleted, EntryCorrected, IncidentReopened, IncidentLearned {

    IncidentId incidentId();

    /** When it happened in the world, as the responder says; Axon's own timestamp records when it was stored. */
    Instant occurredAt();
}
