package io.incidentledger.query.postmortem;

/** What a postmortem timeline entry records; one per event type except corrections, which mark their target. */
public enum TimelineKind {
    DETECTED, ACKNOWLEDGED, RESPONDER_ASSIGNED, RESPONDER_RELEASED, SEVERITY_CHANGED, IMPACT_ASSESSED,
    INTERNAL_NOTE, PUBLIC_UPDATE, CONTAINED, FIXED, ROOT_CAUSE_IDENTIFIED, LESSON_RECORDED, ACTION_ITEM_ADDED,
    ACTION_ITEM_COMPLETED, REOPENED, LEARNED
}
