package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what customers suffer: since when, how many, which components. */
public record AssessImpact(
        @TargetAggregateIdentifier IncidentId incidentId,
        String description,
        Instant impactStartedAt,
        Double affectedUsersPercent,
        List<AffectedComponent> components,
        Instant occurredAt) {

    public AssessImpact {
        Texts.required("incidentId", incidentId);
        description = Texts.text("description", description, Texts.TEXT);
        if (affectedUsersPercent != null && !(affectedUsersPercent >= 0 && affectedUsersPercent <= 100)) {
            throw new InvalidCommandException("affectedUsersPercent", "must be between 0 and 100");
        }
        components = components == null ? List.of() : components;
        // contains(null) throws on immutable lists, so look for nulls element by element
        if (components.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidCommandException("components", "must not contain null");
        }
        components = List.copyOf(components);
        if (components.size() > Texts.LIST) {
            throw new InvalidCommandException("components", "has more than " + Texts.LIST + " entries");
        }
        if (components.stream().map(AffectedComponent::name).distinct().count() < components.size()) {
            throw new InvalidCommandException("components", "names a component twice");
        }
    }
}
