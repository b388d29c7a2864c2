package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an incident: something is wrong and someone noticed. */
public record DetectIncident(
        @TargetAggregateIdentifier IncidentId incidentId,
        String title,
        Severity severity,
        String summary,
        List<String> affectedServices,
        DetectionSource source,
        Instant occurredAt) {

    public DetectIncident {
        Texts.required("incidentId", incidentId);
        title = Texts.line("title", title, Texts.TITLE);
        Texts.required("severity", severity);
        summary = Texts.optionalText("summary", summary, Texts.TEXT);
        affectedServices = Texts.lines("affectedServices", affectedServices, Texts.LIST, Texts.NAME, false);
        source = source == null ? DetectionSource.OTHER : source;
    }
}
