package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the chain of whys, the root cause, the trigger, and why it was not caught. */
public record IdentifyRootCause(
        @TargetAggregateIdentifier IncidentId incidentId,
        List<String> whys,
        String rootCause,
        String trigger,
        String whyNotCaught,
        Instant occurredAt) {

    public IdentifyRootCause {
        Texts.required("incidentId", incidentId);
        whys = whys == null ? List.of() : whys.stream().map(w -> Texts.text("whys", w, Texts.TEXT)).toList();
        if (whys.size() > Texts.LIST) {
            throw new InvalidCommandException("whys", "has more than " + Texts.LIST + " entries");
        }
        rootCause = Texts.text("rootCause", rootCause, Texts.TEXT);
        trigger = Texts.optionalText("trigger", trigger, Texts.TEXT);
        whyNotCaught = Texts.optionalText("whyNotCaught", whyNotCaught, Texts.TEXT);
    }
}
