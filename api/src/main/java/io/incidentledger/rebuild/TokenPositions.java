package io.incidentledger.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each read model's segments stand, read from the shared token store (table
 * {@code TokenEntry}) without claiming anything: what every node sees, whichever node processes.
 * A segment holding a replay token short of its reset position is still rebuilding.
 */
final class TokenPositions {

    /**
     * @param position    the global index the segment has processed up to; 0 before the first event
     * @param replayUntil for a replay token, the global index the replay runs to (the head at the reset); else null
     */
    record Segment(String model, int segment, long position, Long replayUntil) {

        /**
         * Still short of the head at the reset. Axon keeps the replay token after the last replayed
         * event, until a newer event arrives, so the token's type alone would say "replaying" forever.
         */
        boolean replaying() {
            return replayUntil != null && position < replayUntil;
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<Segment> segments() {
        var segments = new ArrayList<Segment>();
        jdbc.query("SELECT processorName, segment, token, tokenType FROM TokenEntry", rs -> {
            var bytes = rs.getBytes("token");
            var type = rs.getString("tokenType");
            TrackingToken token = bytes == null || type == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
            segments.add(segment(rs.getString("processorName"), rs.getInt("segment"), token));
        });
        return segments;
    }

    static Segment segment(String model, int segment, TrackingToken token) {
        var replay = token == null ? null : WrappedToken.unwrap(token, ReplayToken.class).orElse(null);
        return new Segment(model, segment, position(token), replay == null ? null : position(replay.getTokenAtReset()));
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
