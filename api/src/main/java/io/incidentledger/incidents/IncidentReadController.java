package io.incidentledger.incidents;

import java.time.Instant;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.query.audit.GetIncidentStatusAsOf;
import io.incidentledger.query.internaltimeline.GetInternalTimeline;
import io.incidentledger.query.internaltimeline.InternalTimelineView;
import io.incidentledger.query.status.GetIncidentStatus;
import io.incidentledger.query.status.IncidentStatusView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal reads of one incident, for responders: its live status and its full timeline. */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
class IncidentReadController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    IncidentReadController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /**
     * The incident's live status; its ETag is the incident's version, for If-Match on writes. With
     * {@code asOf}, the status as it was known at that recorded instant, reconstructed from the
     * events recorded up to then (404 if the incident did not exist yet).
     */
    @GetMapping
    ResponseEntity<IncidentStatusView> incident(@PathVariable String incidentId,
                                                @RequestParam(required = false)
                                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf != null) {
            if (!IncidentId.isValid(incidentId)) {
                throw ReadYourWrites.notFound(incidentId);
            }
            return ResponseEntity.ok(queries.query(new GetIncidentStatusAsOf(incidentId, asOf),
                    ResponseTypes.optionalInstanceOf(IncidentStatusView.class)).join()
                    .orElseThrow(() -> ReadYourWrites.notFound(incidentId)));
        }
        var view = readYourWrites.incident(incidentId, () -> queries.query(new GetIncidentStatus(incidentId),
                ResponseTypes.instanceOf(IncidentStatusView.class)).join(), IncidentStatusView::version);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    /**
     * Every entry, with who recorded it and both times; with {@code asOf}, as it was known at that
     * recorded instant. Read from the event store, so always current.
     */
    @GetMapping("/timeline")
    ResponseEntity<InternalTimelineView> timeline(@PathVariable String incidentId,
                                                  @RequestParam(required = false)
                                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (!IncidentId.isValid(incidentId)) {
            throw ReadYourWrites.notFound(incidentId);
        }
        var view = queries.query(new GetInternalTimeline(incidentId, asOf),
                ResponseTypes.optionalInstanceOf(InternalTimelineView.class)).join()
                .orElseThrow(() -> ReadYourWrites.notFound(incidentId));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

}
