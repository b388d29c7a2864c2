package io.incidentledger.incidents;

import io.incidentledger.incident.AddActionItem;
import io.incidentledger.incident.CompleteActionItem;
import io.incidentledger.incident.CorrectEntry;
import io.incidentledger.incident.IdentifyRootCause;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.LearnFromIncident;
import io.incidentledger.incident.RecordLesson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands of learning from an incident, and corrections of any entry. */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incident learning", description = "Root cause, lessons, action items, corrections, closing")
class IncidentLearningController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CommandGateway commands;

    IncidentLearningController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{incidentId}/root-cause", consumes = JSON)
    @Operation(summary = "Identify the root cause: the 5 whys, the trigger, why it was not caught")
    ResponseEntity<Written> identifyRootCause(@PathVariable String incidentId,
                                              @Valid @RequestBody RootCauseRequest body, Write write) {
        return write.ok(commands.sendAndWait(write.command(new IdentifyRootCause(new IncidentId(incidentId),
                body.whys(), body.rootCause(), body.trigger(), body.whyNotCaught(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/lessons", consumes = JSON)
    @Operation(summary = "Record a lesson: went well, went wrong, or got lucky")
    ResponseEntity<Written> recordLesson(@PathVariable String incidentId, @Valid @RequestBody LessonRequest body,
                                         Write write) {
        return write.ok(commands.sendAndWait(write.command(new RecordLesson(new IncidentId(incidentId),
                body.category(), body.text(), body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/action-items", consumes = JSON)
    @Operation(summary = "Add an action item")
    ResponseEntity<Written> addActionItem(@PathVariable String incidentId,
                                          @Valid @RequestBody ActionItemRequest body, Write write) {
        return write.ok(commands.sendAndWait(write.command(new AddActionItem(new IncidentId(incidentId),
                body.actionItemId(), body.description(), body.kind(), body.ownerTeam(), body.dueDate(),
                body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/action-items/{actionItemId}/completion")
    @Operation(summary = "Complete an action item", description = "The JSON body {\"occurredAt\": ...} is optional.")
    ResponseEntity<Written> completeActionItem(@PathVariable String incidentId, @PathVariable String actionItemId,
                                               @Valid @RequestBody(required = false) CompletionRequest body,
                                               Write write) {
        var occurredAt = body == null ? null : body.occurredAt();
        return write.ok(commands.sendAndWait(write.command(
                new CompleteActionItem(new IncidentId(incidentId), actionItemId, occurredAt))));
    }

    @PostMapping(path = "/{incidentId}/corrections", consumes = JSON)
    @Operation(summary = "Correct an earlier entry's text and/or time",
            description = "History is never edited: the correction is an entry of its own.")
    ResponseEntity<Written> correct(@PathVariable String incidentId, @Valid @RequestBody CorrectionRequest body,
                                    Write write) {
        return write.ok(commands.sendAndWait(write.command(new CorrectEntry(new IncidentId(incidentId),
                body.sequenceNumber(), body.reason(), body.replacementText(), body.correctedOccurredAt(),
                body.occurredAt()))));
    }

    @PostMapping(path = "/{incidentId}/learning", consumes = JSON)
    @Operation(summary = "Learn from the incident: closes it; the postmortem becomes final")
    ResponseEntity<Written> learn(@PathVariable String incidentId, @Valid @RequestBody LearningRequest body,
                                  Write write) {
        return write.ok(commands.sendAndWait(write.command(
                new LearnFromIncident(new IncidentId(incidentId), body.postmortemSummary(), body.occurredAt()))));
    }
}
