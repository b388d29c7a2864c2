package io.incidentledger.query.timeline;

import java.time.Instant;

/**
 * One public update in the feed across incidents.
 *
 * @param updatedAt when the entry last changed: its correction time if corrected, else its time
 */
public record PublicFeedEntryView(String incidentId, String incidentTitle, Instant updatedAt,
                                  PublicUpdateView update) {
}
