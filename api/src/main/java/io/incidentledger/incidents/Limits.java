package io.incidentledger.incidents;

/** The field limits of the HTTP requests, the same as core's (LimitsTest holds them to it). */
final class Limits {

    static final int NAME = 100;
    static final int TITLE = 200;
    static final int REFERENCE = 500;
    static final int TEXT = 10_000;
    static final int LIST = 50;

    private Limits() {
    }
}
