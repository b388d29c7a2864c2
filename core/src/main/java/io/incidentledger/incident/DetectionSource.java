package io.incidentledger.incident;

/** Who or what noticed the incident first. */
public enum DetectionSource {
    MONITORING, CUSTOMER_REPORT, EMPLOYEE, AUTOMATED_TEST, OTHER
}
