package io.incidentledger.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail and chain verification, read straight from the event store's rows. */
@Component
class AuditQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORRECTION = "io.incidentledger.incident.EntryCorrected";

    private final StoredEvents events;
    private final ChainAnchors anchors;
    private final TransactionTemplate readOnly;

    AuditQueries(StoredEvents events, ChainAnchors anchors, PlatformTransactionManager transactions) {
        this.events = events;
        this.anchors = anchors;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    Optional<AuditTrailView> handle(GetAuditTrail query) {
        var stored = events.of(query.incidentId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        var anchored = anchors.of(query.incidentId());
        var correctedBy = new TreeMap<Long, List<Long>>();
        var entries = new ArrayList<AuditTrailView.Entry>();
        String link = AuditChain.GENESIS;
        for (var event : stored) {
            try {
                link = link == null ? null : AuditChain.link(link, event);
            } catch (IllegalArgumentException unreadable) {
                link = null;
            }
            var payload = tree(event.payload());
            var metadata = tree(event.metadata());
            Long corrects = CORRECTION.equals(event.type()) && payload.path("correctedSequenceNumber").isIntegralNumber()
                    ? payload.get("correctedSequenceNumber").asLong() : null;
            if (corrects != null) {
                correctedBy.computeIfAbsent(corrects, k -> new ArrayList<>()).add(event.sequenceNumber());
            }
            entries.add(new AuditTrailView.Entry(event.sequenceNumber(), event.eventId(), simpleName(event.type()),
                    event.type(), event.revision(), instant(text(payload.path("occurredAt"))), instant(event.recordedAt()),
                    text(metadata.path("actor")), text(metadata.path("correlationId")), metadata, payload, link,
                    anchored.get(event.sequenceNumber()), corrects, List.of()));
        }
        entries.replaceAll(e -> correctedBy.containsKey(e.sequenceNumber()) ? withCorrections(e, correctedBy.get(e.sequenceNumber())) : e);
        var last = stored.get(stored.size() - 1).sequenceNumber();
        return Optional.of(new AuditTrailView(query.incidentId(), last, link, entries));
    }

    @QueryHandler
    Optional<ChainVerification> handle(GetChainVerification query) {
        var stored = events.of(query.incidentId());
        var anchored = anchors.of(query.incidentId());
        if (stored.isEmpty() && anchored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ChainVerifier.verify(query.incidentId(), stored, anchored, query.expectedHead()));
    }

    @QueryHandler
    StoreVerificationView handle(GetStoreVerification query) {
        var broken = new ArrayList<ChainVerification>();
        long[] counts = new long[2];
        // In a transaction, so PostgreSQL streams the rows instead of reading the whole table at once.
        readOnly.executeWithoutResult(status -> events.forEachIncident(stored -> {
            var incidentId = stored.get(0).incidentId();
            var verification = ChainVerifier.verify(incidentId, stored, anchors.of(incidentId), null);
            counts[0]++;
            counts[1] += stored.size();
            if (!verification.intact()) {
                broken.add(verification);
            }
        }));
        return new StoreVerificationView(counts[0], counts[1], broken.isEmpty(), broken);
    }

    private static AuditTrailView.Entry withCorrections(AuditTrailView.Entry e, List<Long> corrections) {
        return new AuditTrailView.Entry(e.sequenceNumber(), e.eventId(), e.type(), e.payloadType(), e.revision(),
                e.occurredAt(), e.recordedAt(), e.actor(), e.correlationId(), e.metadata(), e.payload(), e.chain(),
                e.anchor(), e.corrects(), corrections);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return JSON.getNodeFactory().nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (RuntimeException unreadable) {
            // A row that is not JSON is shown as its text; verification reports it as UNREADABLE.
            return JSON.getNodeFactory().stringNode(json);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
