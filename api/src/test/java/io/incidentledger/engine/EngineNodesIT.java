package io.incidentledger.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which nodes count when the segments are shared out, on the real tables (H2, and PostgreSQL in
 * that pass). Another node is played by rows in engine_node; this engine's processors hold all
 * four segments of each processor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "incident-ledger.snapshot-threshold=20"}) // EngineIT's context, reused
class EngineNodesIT {

    static final String OTHER = "4242@elsewhere";

    @Autowired
    EngineNodes nodes;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void otherNodeLeaves() {
        jdbc.update("DELETE FROM engine_node WHERE node_id = ?", OTHER);
        jdbc.update("DELETE FROM TokenEntry WHERE owner = ?", OTHER);
    }

    @Test
    void aloneThisNodeMayClaimEverySegment() {
        nodes.heartbeat();
        assertThat(nodes.maxSegments("live-status")).isEqualTo(4);
    }

    @Test
    void aNodeThatJustJoinedGetsItsShare() {
        otherNode(0, 0);
        nodes.heartbeat();
        assertThat(nodes.maxSegments("live-status")).isEqualTo(2);
    }

    @Test
    void aNodeHoldingASegmentKeepsItsShare() {
        otherNode(600, 0);
        jdbc.update("INSERT INTO TokenEntry (processorName, segment, timestamp, owner) VALUES ('elsewhere', 0, '', ?)",
                OTHER);
        nodes.heartbeat();
        assertThat(nodes.maxSegments("live-status")).isEqualTo(2);
    }

    @Test
    void aNodeThatNeverClaimedAfterItsGracePeriodDoesNotCount() {
        otherNode(600, 0);
        nodes.heartbeat();
        assertThat(nodes.maxSegments("live-status")).isEqualTo(4);
    }

    @Test
    void aNodeWhoseHeartbeatStoppedDoesNotCount() {
        otherNode(0, 0);
        jdbc.update("UPDATE engine_node SET last_seen = CURRENT_TIMESTAMP - INTERVAL '60' SECOND WHERE node_id = ?", OTHER);
        nodes.heartbeat();
        assertThat(nodes.maxSegments("live-status")).isEqualTo(4);
    }

    @Test
    void usesAxonsOwnerNameForTheFirstEngineInAJvm() {
        assertThat(EngineNodes.nodeId("123@host", 1)).isEqualTo("123@host");
        assertThat(EngineNodes.nodeId("123@host", 2)).isEqualTo("123@host#2");
    }

    /** Another node, first seen {@code joinedSecondsAgo}, its latest heartbeat {@code seenSecondsAgo}. */
    private void otherNode(int joinedSecondsAgo, int seenSecondsAgo) {
        jdbc.update("INSERT INTO engine_node (node_id, first_seen, last_seen) VALUES (?, CURRENT_TIMESTAMP - INTERVAL '"
                + joinedSecondsAgo + "' SECOND, CURRENT_TIMESTAMP - INTERVAL '" + seenSecondsAgo + "' SECOND)", OTHER);
    }
}
