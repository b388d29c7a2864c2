package io.incidentledger.incident;

/**
 * What kind of entry an event is, as far as corrections care: whether it has text a correction
 * may replace, which phase it marks, and whether it may lie before detection.
 */
enum EntryKind {
    DETECTION('D', true, Phase.DETECTED),
    ACKNOWLEDGEMENT('A', false, Phase.ACKNOWLEDGED),
    RESPONDER_CHANGE('R', false, null),
    SEVERITY_CHANGE('S', true, null),
    IMPACT_ASSESSMENT('I', true, null),
    INTERNAL_NOTE('N', true, null),
    PUBLIC_UPDATE('P', true, null),
    CONTAINMENT('C', true, Phase.CONTAINED),
    FIX('F', true, Phase.FIXED),
    ROOT_CAUSE('W', true, null),
    LESSON('L', true, null),
    ACTION_ITEM('T', true, null),
    ACTION_ITEM_COMPLETION('K', false, null),
    CORRECTION('X', false, null),
    REOPENING('O', true, Phase.ACKNOWLEDGED),
    LEARNING('E', true, Phase.LEARNED);

    final char code;
    final boolean hasText;
    final Phase phase;

    EntryKind(char code, boolean hasText, Phase phase) {
        this.code = code;
        this.hasText = hasText;
        this.phase = phase;
    }

    boolean marksPhase() {
        return phase != null;
    }

    /** Internal notes may record the lead-up: the deploy at 09:12 noticed at 09:20. */
    boolean mayPrecedeDetection() {
        return this == INTERNAL_NOTE;
    }

    static EntryKind ofCode(char code) {
        for (var kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown entry kind code " + code);
    }
}
