package io.incidentledger.incident;

/**
 * The kind of every entry of an incident, indexed by sequence number. Kept as one character a
 * entry so that a snapshot of a 10,000-entry incident stays about 10 KB of JSON.
 */
final class EntryLog {

    private String kinds = "";

    EntryLog() {
    }

    void record(long sequenceNumber, EntryKind kind) {
        // Sequence numbers are dense from 0; a redelivered or out-of-order number is ignored.
        if (sequenceNumber == kinds.length()) {
            kinds = kinds + kind.code;
        }
    }

    boolean exists(long sequenceNumber) {
        return sequenceNumber >= 0 && sequenceNumber < kinds.length();
    }

    EntryKind kindOf(long sequenceNumber) {
        return EntryKind.ofCode(kinds.charAt((int) sequenceNumber));
    }

    int size() {
        return kinds.length();
    }
}
