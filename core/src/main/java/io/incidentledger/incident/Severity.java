package io.incidentledger.incident;

/** How bad it is; SEV1 is the worst. Ordered, so SEV1 sorts first. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
