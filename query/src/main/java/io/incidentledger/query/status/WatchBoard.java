package io.incidentledger.query.status;

/**
 * Subscribes to the board: the initial result is every open incident in board order, then every
 * changed {@link IncidentStatusView} is pushed, closed ones included (so clients can drop them).
 */
public record WatchBoard() {
}
