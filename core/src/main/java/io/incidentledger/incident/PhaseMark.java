package io.incidentledger.incident;

import java.time.Instant;

/** Where in the stream a phase change stands and when it occurred; kept to check corrected times. */
record PhaseMark(long sequenceNumber, Phase phase, Instant at) {

    PhaseMark at(Instant corrected) {
        return new PhaseMark(sequenceNumber, phase, corrected);
    }
}
