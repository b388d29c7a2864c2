package io.incidentledger.incidents;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.AssessImpact;
import io.incidentledger.incident.AssignResponder;
import io.incidentledger.incident.ChangeSeverity;
import io.incidentledger.incident.ContainIncident;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.FixIncident;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.PostPublicUpdate;
import io.incidentledger.incident.ReleaseResponder;
import io.incidentledger.incident.ReopenIncident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the response itself: from detection to fix, and reopening. */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incident response", description = "Record an incident from detection to fix")
class IncidentResponseController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CommandGateway commands;

    IncidentResponseController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = JSON)
    @Operation(summary = "Detect an incident", description = "Opens an incident; 201 with its Location. "
            + "Without incidentId the server generates one.")
    ResponseEntity<Written> detect(@Valid @RequestBody DetectRequest body, Write write) {
        var id = body.incidentId() == null ? IncidentId.generate() : new IncidentId(body.incidentId());
        return write.created(commands.sendAndWait(write.command(new DetectIncident(id, body.title(),
                body.severity(), body.summary(), body.affectedServices(), body.source(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/acknowledgement", consumes = JSON)
    @Operation(summary = "Acknowledge: someone owns the incident and becomes its commander")
    ResponseEntity<Written> acknowledge(@PathVariable String incidentId, @Valid @RequestBody AcknowledgeRequest body,
                                        Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new AcknowledgeIncident(new IncidentId(incidentId), body.commander(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/responders", consumes = JSON)
    @Operation(summary = "Assign a responder in a role (COMMANDER hands command over)")
    ResponseEntity<Written> assign(@PathVariable String incidentId, @Valid @RequestBody AssignRequest body,
                                   Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new AssignResponder(new IncidentId(incidentId), body.responder(), body.role(), body.occurredAt()))));
    }

    @DeleteMapping("/{incidentId}/responders/{responder}")
    @Operation(summary = "Release a responder", description = "occurredAt, optional, is a query parameter: "
            + "a DELETE carries no body.")
    ResponseEntity<Written> release(@PathVariable String incidentId, @PathVariable String responder,
                                    @RequestParam(required = false) @PlausibleTime Instant occurredAt, Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new ReleaseResponder(new IncidentId(incidentId), responder, occurredAt))));
    }

    @PostMapping(path = "/{incidentId}/severity", consumes = JSON)
    @Operation(summary = "Change the severity, with the reason")
    ResponseEntity<Written> changeSeverity(@PathVariable String incidentId, @Valid @RequestBody SeverityRequest body,
                                           Write write) {
        return write.ok(commands.sendAndWait(write.command(new ChangeSeverity(new IncidentId(incidentId),
                body.severity(), body.reason(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/impact", consumes = JSON)
    @Operation(summary = "Assess the customer impact; drives the components' status")
    ResponseEntity<Written> assessImpact(@PathVariable String incidentId, @Valid @RequestBody ImpactRequest body,
                                         Write write) {
        var components = body.components() == null ? List.<AffectedComponent>of()
                : body.components().stream().map(c -> new AffectedComponent(c.name(), c.status())).toList();
        return write.ok(commands.sendAndWait(write.command(new AssessImpact(new IncidentId(incidentId),
                body.description(), body.impactStartedAt(), body.affectedUsersPercent(), components,
                body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/notes", consumes = JSON)
    @Operation(summary = "Add an internal note (never public)")
    ResponseEntity<Written> addNote(@PathVariable String incidentId, @Valid @RequestBody NoteRequest body,
                                    Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new AddInternalNote(new IncidentId(incidentId), body.note(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/public-updates", consumes = JSON)
    @Operation(summary = "Post a public update for the status page and feed")
    ResponseEntity<Written> postPublicUpdate(@PathVariable String incidentId,
                                             @Valid @RequestBody PublicUpdateRequest body, Write write) {
        return write.ok(commands.sendAndWait(write.command(new PostPublicUpdate(new IncidentId(incidentId),
                body.message(), body.status(), body.nextUpdateDue(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/containment", consumes = JSON)
    @Operation(summary = "Contain: the bleeding has stopped")
    ResponseEntity<Written> contain(@PathVariable String incidentId, @Valid @RequestBody ContainmentRequest body,
                                    Write write) {
        return write.ok(commands.sendAndWait(write.command(new ContainIncident(new IncidentId(incidentId),
                body.mitigation(), body.description(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/fix", consumes = JSON)
    @Operation(summary = "Fix: the problem is solved; components return to operational")
    ResponseEntity<Written> fix(@PathVariable String incidentId, @Valid @RequestBody FixRequest body, Write write) {
        return write.ok(commands.sendAndWait(write.command(new FixIncident(new IncidentId(incidentId),
                body.resolution(), body.fixReference(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/reopening", consumes = JSON)
    @Operation(summary = "Reopen a fixed incident (a regression)")
    ResponseEntity<Written> reopen(@PathVariable String incidentId, @Valid @RequestBody ReopenRequest body,
                                   Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new ReopenIncident(new IncidentId(incidentId), body.reason(), body.occurredAt()))));
    }
}
