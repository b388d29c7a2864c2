package io.incidentledger.audit;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.incidentledger.history.HistoryExport;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.query.audit.AuditTrailView;
import io.incidentledger.query.audit.ChainVerification;
import io.incidentledger.query.audit.GetAuditTrail;
import io.incidentledger.query.audit.GetChainVerification;
import io.incidentledger.query.audit.GetStoreVerification;
import io.incidentledger.query.audit.StoreVerificationView;
import io.incidentledger.query.audit.StoredEvents;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * For auditors: the exact stored history of an incident, verification of its hash chain, and an
 * export that anyone can verify without us (docs/audit-chain.md, docs/verify_chain.py).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final String JSON_LINES = "application/x-ndjson";
    private static final Pattern LINK = Pattern.compile("[0-9a-f]{64}");

    private final QueryGateway queries;
    private final HistoryExport export;
    private final StoredEvents stored;

    AuditController(QueryGateway queries, HistoryExport export, StoredEvents stored) {
        this.queries = queries;
        this.export = export;
        this.stored = stored;
    }

    /** Every event in sequence order, with both times, its metadata, payload and chain links. */
    @GetMapping("/incidents/{incidentId}")
    AuditTrailView trail(@PathVariable String incidentId) {
        return queries.query(new GetAuditTrail(known(incidentId)),
                ResponseTypes.optionalInstanceOf(AuditTrailView.class)).join().orElseThrow(() -> notFound(incidentId));
    }

    /**
     * Recomputes the incident's chain from the stored rows; {@code expectedHead}, a head link kept
     * from earlier (such as the last {@code chain} of an export), is checked too. 200 either way:
     * {@code intact} says whether it holds, {@code firstBreak} where it does not.
     */
    @GetMapping("/incidents/{incidentId}/verification")
    ChainVerification verification(@PathVariable String incidentId,
                                   @RequestParam(required = false) String expectedHead) {
        if (expectedHead != null && !LINK.matcher(expectedHead).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expectedHead must be 64 lowercase hex digits");
        }
        return queries.query(new GetChainVerification(known(incidentId), expectedHead),
                ResponseTypes.optionalInstanceOf(ChainVerification.class)).join().orElseThrow(() -> notFound(incidentId));
    }

    /** Verifies every incident's chain; lists the broken ones. */
    @GetMapping("/verification")
    StoreVerificationView verificationOfAll() {
        return queries.query(new GetStoreVerification(), ResponseTypes.instanceOf(StoreVerificationView.class)).join();
    }

    @GetMapping(value = "/incidents/{incidentId}/export", produces = JSON_LINES)
    ResponseEntity<StreamingResponseBody> exportOne(@PathVariable String incidentId) {
        if (!stored.exists(known(incidentId))) {
            throw notFound(incidentId);
        }
        return exported(List.of(incidentId), incidentId + ".jsonl");
    }

    @GetMapping(value = "/export", produces = JSON_LINES)
    ResponseEntity<StreamingResponseBody> exportAll() {
        return exported(List.of(), "incident-ledger-export.jsonl");
    }

    private ResponseEntity<StreamingResponseBody> exported(List<String> incidentIds, String filename) {
        StreamingResponseBody body = out -> export.export(incidentIds,
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(JSON_LINES))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private static String known(String incidentId) {
        if (!IncidentId.isValid(incidentId)) {
            throw notFound(incidentId);
        }
        return incidentId;
    }

    private static ResponseStatusException notFound(String incidentId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No incident " + incidentId);
    }
}
