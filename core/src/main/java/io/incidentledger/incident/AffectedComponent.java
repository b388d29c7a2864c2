package io.incidentledger.incident;

/** A customer-visible component and the status an impact assessment gives it. */
public record AffectedComponent(String name, ComponentStatus status) {

    public AffectedComponent {
        name = Texts.line("components.name", name, Texts.NAME);
        Texts.required("components.status", status);
    }
}
