/**
 * Read models: one sub-package, processing group and table set each. This package holds only
 * what all of them share.
 * <ul>
 *   <li>{@link io.incidentledger.query.RecordedEvent}: the input of every fold, built with
 *       {@code RecordedEvent.of(domainEventMessage)}.</li>
 *   <li>{@link io.incidentledger.query.BatchedViews}: the projection's only path to its tables.
 *       {@code views.update(incidentId, view -> Fold.apply(view, recorded))} loads a view once per
 *       unit of work, folds in memory, writes all changed views at prepare-commit and publishes
 *       them after commit.</li>
 *   <li>{@link io.incidentledger.query.ViewTable}: delete-by-key plus batch insert, portable
 *       between H2 and PostgreSQL; what a {@code BatchedViews} writer calls.</li>
 *   <li>{@link io.incidentledger.query.ViewJson}: the stable JSON of view documents.</li>
 * </ul>
 * A read model then looks like this (see {@code status.LiveStatusProjection}):
 * <pre>{@code
 * @Component @ProcessingGroup("live-status")
 * public class LiveStatusProjection {
 *     private final ViewTable rows = new ViewTable(jdbc, "live_status", ViewTable.text("incident_id"), ...);
 *     private final BatchedViews<String, IncidentStatusView> views =
 *             new BatchedViews<>(this::load, changed -> rows.replace(changed.keySet(), toRows(changed)), this::emit);
 *
 *     @EventHandler
 *     void on(IncidentEvent event, DomainEventMessage<?> message) {
 *         var recorded = RecordedEvent.of(message);
 *         views.update(recorded.incidentId(), view -> IncidentStatusFold.apply(view, recorded));
 *     }
 *
 *     @ResetHandler
 *     void reset() { rows.clear(); }
 * }
 * }</pre>
 */
package io.incidentledger.query;
