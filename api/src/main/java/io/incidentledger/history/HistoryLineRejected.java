package io.incidentledger.history;

/** A line of a history that cannot be imported: its number, a stable code, and why. */
class HistoryLineRejected extends RuntimeException {

    private final int lineNumber;
    private final String code;
    private final String reason;

    HistoryLineRejected(int lineNumber, String code, String reason) {
        super("line " + lineNumber + ": " + code + ": " + reason);
        this.lineNumber = lineNumber;
        this.code = code;
        this.reason = reason;
    }

    int lineNumber() {
        return lineNumber;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
