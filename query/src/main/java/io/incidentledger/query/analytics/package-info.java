/**
 * The analytics read model (processing group {@code analytics}, tables in {@code V5__analytics.sql},
 * which document every column). One row per incident with its response times, kept by
 * {@link io.incidentledger.query.analytics.AnalyticsFold}; the rows are both what analytics jobs
 * read and the projection's whole state. Aggregates (count, mean, nearest-rank p50 and p90 of each
 * duration by severity, service or month) are computed in Java from the rows so they are the same
 * on every database; {@link io.incidentledger.query.analytics.AnalyticsCsv} renders both as CSV.
 * Durations follow {@link io.incidentledger.query.ResponseTimes}: first acknowledgement and
 * containment, final fix (none while reopened), never negative.
 */
package io.incidentledger.query.analytics;
