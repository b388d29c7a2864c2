package io.incidentledger.statuspage;

import java.time.Instant;
import java.util.List;

import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import io.incidentledger.query.timeline.ComponentStatusView;
import io.incidentledger.query.timeline.PublicIncidentView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public timeline as JSON, for customers' own tooling. Unauthenticated, like the page. */
@RestController
@RequestMapping("/api/public")
class PublicTimelineController {

    private final StatusPageController page;

    PublicTimelineController(StatusPageController page) {
        this.page = page;
    }

    @GetMapping("/components")
    List<ComponentStatusView> components() {
        return page.components();
    }

    @GetMapping("/incidents")
    List<PublicIncidentView> currentIncidents() {
        return page.current();
    }

    /**
     * One public incident; with {@code asOf}, as customers saw it at that recorded instant (404 if
     * it was not public yet), reconstructed from the events recorded up to then. The past is for
     * auditors only: it shows public text as it stood before corrections, and a correction may
     * have removed something that was posted by mistake.
     */
    @GetMapping("/incidents/{incidentId}")
    PublicIncidentView incident(@PathVariable String incidentId,
                                @RequestParam(required = false)
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                HttpServletRequest request) {
        if (asOf == null) {
            return page.publicIncident(incidentId);
        }
        if (!request.isUserInRole("AUDITOR")) {
            throw new Refusal(ProblemCode.FORBIDDEN,
                    "Public timelines as they were in the past (asOf) need an auditor's key.");
        }
        return page.publicIncidentAsOf(incidentId, asOf);
    }
}
