package io.incidentledger.incidents;

/**
 * The answer to every write: the incident and its version after the write. The version is also
 * the ETag; send it back in If-Match to make the next write conditional.
 */
record Written(String incidentId, long version) {
}
