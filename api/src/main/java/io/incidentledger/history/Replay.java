package io.incidentledger.history;

import java.util.List;
import java.util.Map;

/**
 * What a command rebuilt from exported events must give back: the events' metadata, and exactly
 * the events the export holds (a commander handover is one command and two events).
 *
 * @param correlationId becomes the command's message id, which Axon copies onto the events as their correlation id
 * @param metaData      the exported events' actor and trace id, passed on as the command's metadata
 */
record Replay(String correlationId, Map<String, Object> metaData, List<ExpectedEvent> events) {

    Replay {
        metaData = Map.copyOf(metaData);
        events = List.copyOf(events);
    }

    /** @param payload the exported payload in canonical JSON */
    record ExpectedEvent(long sequenceNumber, String type, String payload) {
    }
}
