package io.incidentledger.incident;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * The aggregate refused a command. Extends Axon's {@link CommandExecutionException} and carries
 * the code as its details, so the code survives a distributed command bus (Axon Server), where
 * only the message and details cross the wire.
 */
public class IncidentRejected extends CommandExecutionException {

    private final Rejection rejection;

    IncidentRejected(Rejection rejection, String message) {
        super(message, null, rejection.name());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
