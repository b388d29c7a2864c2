package io.incidentledger.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.query.audit.GetPublicIncidentAsOf;
import io.incidentledger.query.timeline.ComponentStatusView;
import io.incidentledger.query.timeline.FindComponentStatuses;
import io.incidentledger.query.timeline.FindCurrentPublicIncidents;
import io.incidentledger.query.timeline.FindResolvedPublicIncidents;
import io.incidentledger.query.timeline.GetPublicIncident;
import io.incidentledger.query.timeline.PublicIncidentView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer-facing status page: server-rendered, readable without JavaScript, built only from
 * the customer timeline read model (an allowlist of public events and fields).
 */
@Controller
class StatusPageController {

    static final Duration RECENTLY_RESOLVED = Duration.ofDays(30);

    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    StatusPageController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping({"/status", "/status/"})
    String statusPage(Model model) {
        var components = components();
        model.addAttribute("components", components);
        model.addAttribute("overall", Overall.of(components));
        model.addAttribute("current", current());
        model.addAttribute("resolved", queries.query(
                new FindResolvedPublicIncidents(clock.instant().minus(RECENTLY_RESOLVED), 20),
                ResponseTypes.multipleInstancesOf(PublicIncidentView.class)).join());
        model.addAttribute("now", clock.instant());
        return "status/page";
    }

    @GetMapping("/status/incidents/{incidentId}")
    String incidentPage(@PathVariable String incidentId, Model model) {
        model.addAttribute("incident", publicIncident(incidentId));
        model.addAttribute("now", clock.instant());
        return "status/incident";
    }

    List<ComponentStatusView> components() {
        return queries.query(new FindComponentStatuses(),
                ResponseTypes.multipleInstancesOf(ComponentStatusView.class)).join();
    }

    List<PublicIncidentView> current() {
        return queries.query(new FindCurrentPublicIncidents(),
                ResponseTypes.multipleInstancesOf(PublicIncidentView.class)).join();
    }

    /** A public incident, or 404 for an unknown, malformed or not (yet) public id alike. */
    PublicIncidentView publicIncident(String incidentId) {
        if (!IncidentId.isValid(incidentId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var incident = queries.query(new GetPublicIncident(incidentId),
                ResponseTypes.instanceOf(PublicIncidentView.class)).join();
        if (incident == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return incident;
    }

    /** A public incident as it was at a recorded instant, or 404 if it was not public (yet) then. */
    PublicIncidentView publicIncidentAsOf(String incidentId, Instant asOf) {
        if (!IncidentId.isValid(incidentId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return queries.query(new GetPublicIncidentAsOf(incidentId, asOf),
                ResponseTypes.optionalInstanceOf(PublicIncidentView.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
