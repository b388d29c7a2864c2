package io.incidentledger.rebuild;

import java.time.Instant;

/**
 * Where one read model stands. Progress is counted in positions of the event store's global
 * index, which grows by one per stored event (the rare gap of a rolled-back append included).
 *
 * @param rebuilding      some segment of the model is still replaying; its reads are incomplete until done
 * @param processed       the position the slowest segment has reached
 * @param total           while rebuilding, the position the rebuild runs to: the head when it started; else null
 * @param percent         processed of total, 0 to 100; null when not rebuilding
 * @param eventsPerSecond the average rate since this node started the rebuild; null when unknown
 * @param secondsLeft     at that rate; null when unknown
 * @param startedAt       when this node started the rebuild; null when unknown (idle, or started elsewhere)
 */
public record RebuildStatus(String model, boolean rebuilding, long processed, Long total, Double percent,
                            Double eventsPerSecond, Long secondsLeft, Instant startedAt) {
}
