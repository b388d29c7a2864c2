package io.incidentledger.postmortems;

import java.time.Instant;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.Severity;
import io.incidentledger.incidents.ReadYourWrites;
import io.incidentledger.query.audit.GetPostmortemAsOf;
import io.incidentledger.query.postmortem.FindPostmortems;
import io.incidentledger.query.postmortem.GetPostmortem;
import io.incidentledger.query.postmortem.PostmortemLibraryView;
import io.incidentledger.query.postmortem.PostmortemMarkdown;
import io.incidentledger.query.postmortem.PostmortemView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blameless postmortem of an incident, as JSON or Markdown ({@code Accept: text/markdown}),
 * and the library of postmortems newcomers learn from. People appear only as roles.
 */
@RestController
class PostmortemController {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    PostmortemController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** With {@code asOf}, the postmortem as it stood at that recorded instant (404 before the incident existed). */
    @GetMapping(value = "/api/incidents/{incidentId}/postmortem", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PostmortemView> postmortem(@PathVariable String incidentId, @RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        var view = read(incidentId, asOf);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping(value = "/api/incidents/{incidentId}/postmortem", produces = MARKDOWN)
    ResponseEntity<String> markdown(@PathVariable String incidentId, @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        var view = read(incidentId, asOf);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"")
                .contentType(MediaType.parseMediaType(MARKDOWN))
                .body(PostmortemMarkdown.render(view));
    }

    @GetMapping("/api/postmortems")
    PostmortemLibraryView library(@RequestParam(required = false) String service,
                                  @RequestParam(required = false) Severity severity,
                                  @RequestParam(required = false) PostmortemView.Status status,
                                  @RequestParam(required = false, name = "q") String text,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "" + FindPostmortems.DEFAULT_SIZE) int size) {
        return queries.query(new FindPostmortems(service, severity, status, text, page, size),
                ResponseTypes.instanceOf(PostmortemLibraryView.class)).join();
    }

    private PostmortemView read(String incidentId, Instant asOf) {
        if (asOf != null) {
            if (!IncidentId.isValid(incidentId)) {
                throw ReadYourWrites.notFound(incidentId);
            }
            return queries.query(new GetPostmortemAsOf(incidentId, asOf),
                    ResponseTypes.optionalInstanceOf(PostmortemView.class)).join()
                    .orElseThrow(() -> ReadYourWrites.notFound(incidentId));
        }
        return readYourWrites.incident(incidentId, () -> queries.query(new GetPostmortem(incidentId),
                ResponseTypes.instanceOf(PostmortemView.class)).join(), PostmortemView::version);
    }
}
