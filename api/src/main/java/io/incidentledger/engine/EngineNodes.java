package io.incidentledger.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine nodes sharing this database, and each node's fair share of every event processor's
 * token segments.
 *
 * <p>Axon's pooled processors claim every free segment and give none back on their own, so the
 * first node to start would process every event while the others idle. Each node heartbeats into
 * {@code engine_node}; a node may hold at most ceil(segments / live nodes) segments of a processor,
 * and Axon's coordinator releases the surplus (its MaxSegmentProvider hook, asked every claim
 * round). A joining node gets its share within a few seconds; when a node stops, its row goes (or
 * its heartbeat ages out) and the others' share grows to take over its segments. A node counts
 * only while its heartbeat is fresh and, after a grace period to claim its first segment, while
 * it holds one: a node whose processors never claim must not leave its share unprocessed. Times
 * are the database's, so the nodes' clocks need not agree.
 */
@Component
class EngineNodes {

    private static final Logger log = LoggerFactory.getLogger(EngineNodes.class);

    private static final AtomicInteger ENGINES_IN_THIS_JVM = new AtomicInteger();

    private final String nodeId;
    private final JdbcTemplate jdbc;
    private final long leaseSeconds;
    private final long graceSeconds;
    private volatile Map<String, Integer> shares = Map.of();

    EngineNodes(JdbcTemplate jdbc,
                @Value("${incident-ledger.nodes.heartbeat-interval:PT2S}") Duration heartbeatInterval) {
        this.nodeId = nodeId(ManagementFactory.getRuntimeMXBean().getName(), ENGINES_IN_THIS_JVM.incrementAndGet());
        this.jdbc = jdbc;
        // A node that missed five heartbeats in a row (a long GC pause is not enough) counts as gone.
        this.leaseSeconds = Math.max(1, heartbeatInterval.multipliedBy(5).toSeconds());
        // Others release within one claim round (5 s) of seeing a newcomer, which claims within its next.
        this.graceSeconds = 3 * leaseSeconds;
    }

    /**
     * Axon's default owner name for token claims is the JVM's, pid@host. A second engine in the
     * same JVM (a test's second node) gets a suffix: with the same name, both would count as
     * the owner of every claim and process every segment twice.
     */
    static String nodeId(String jvmName, int engineInJvm) {
        return engineInJvm == 1 ? jvmName : jvmName + "#" + engineInJvm;
    }

    /** This node's name in engine_node and TokenEntry.owner. */
    String nodeId() {
        return nodeId;
    }

    /** The most segments this node may claim of the given processor; unlimited until the first heartbeat. */
    int maxSegments(String processor) {
        return shares.getOrDefault(processor, (int) Short.MAX_VALUE);
    }

    @Scheduled(fixedDelayString = "${incident-ledger.nodes.heartbeat-interval:PT2S}")
    void heartbeat() {
        try {
            if (jdbc.update("UPDATE engine_node SET last_seen = CURRENT_TIMESTAMP WHERE node_id = ?", nodeId) == 0) {
                jdbc.update("INSERT INTO engine_node (node_id, first_seen, last_seen) "
                        + "VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", nodeId);
            }
            // A node that died without signing off stays listed for an hour, for whoever looks.
            jdbc.update("DELETE FROM engine_node WHERE last_seen < CURRENT_TIMESTAMP - INTERVAL '1' HOUR");
            shares = fairShares(liveNodes());
        } catch (DataAccessException e) {
            // Keep the last shares: a database hiccup must not make every node grab every segment.
            log.warn("Engine node heartbeat failed, keeping the current segment shares: {}", e.getMessage());
        }
    }

    @PreDestroy
    void leave() {
        try {
            jdbc.update("DELETE FROM engine_node WHERE node_id = ?", nodeId);
        } catch (DataAccessException e) {
            log.warn("Could not sign this node off; the others take over once its heartbeat ages out: {}",
                    e.getMessage());
        }
    }

    private long liveNodes() {
        Long live = jdbc.queryForObject("SELECT COUNT(*) FROM engine_node n"
                + " WHERE n.last_seen > CURRENT_TIMESTAMP - INTERVAL '" + leaseSeconds + "' SECOND"
                + " AND (n.first_seen > CURRENT_TIMESTAMP - INTERVAL '" + graceSeconds + "' SECOND"
                + " OR EXISTS (SELECT 1 FROM TokenEntry t WHERE t.owner = n.node_id))", Long.class);
        return Math.max(1, live == null ? 1 : live);
    }

    private Map<String, Integer> fairShares(long liveNodes) {
        var next = new HashMap<String, Integer>();
        jdbc.query("SELECT processorName, COUNT(*) FROM TokenEntry GROUP BY processorName", row -> {
            long segments = row.getLong(2);
            next.put(row.getString(1), (int) Math.max(1, (segments + liveNodes - 1) / liveNodes));
        });
        if (!next.equals(shares)) {
            log.info("{} live engine node(s); segments this node may claim per processor: {}", liveNodes, next);
        }
        return Map.copyOf(next);
    }
}
