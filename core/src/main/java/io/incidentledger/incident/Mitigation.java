package io.incidentledger.incident;

/** How the bleeding was stopped. */
public enum Mitigation {
    ROLLBACK, FEATURE_DISABLED, HOTFIX, ACCESS_LIMITED, FAILOVER, OTHER
}
