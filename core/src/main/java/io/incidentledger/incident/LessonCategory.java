package io.incidentledger.incident;

/** The three kinds of lesson of a blameless postmortem. */
public enum LessonCategory {
    WENT_WELL, WENT_WRONG, GOT_LUCKY
}
