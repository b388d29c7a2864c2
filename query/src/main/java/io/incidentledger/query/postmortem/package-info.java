/**
 * The blameless postmortem read model (processing group {@code postmortem}, tables in
 * {@code V4__postmortem.sql}).
 * <p>
 * {@link io.incidentledger.query.postmortem.PostmortemFold} folds events into a raw state that
 * keeps names; {@code PostmortemDocument} renders the {@link io.incidentledger.query.postmortem.PostmortemView}
 * from the whole state at each write, so labels and scrubbing always see every person, including
 * one who joined after text naming them was written. Only the rendered view and its search text
 * are queried. Decisions where the brief left a choice:
 * <ul>
 *   <li>People: the person who acknowledged is "Incident commander"; everyone else is "Responder N"
 *       by first appearance (actor, named responder or commander, author of a correction). A later
 *       commander keeps their number; one label, one person. Every actor counts as a person.
 *       Names match case-insensitively as whole words, longest first.</li>
 *   <li>Metrics follow {@link io.incidentledger.query.ResponseTimes}: first acknowledgement and
 *       containment, final fix (none while reopened), durations never negative.</li>
 *   <li>Timeline: ordered by the minute an entry occurred in, then by recorded order; corrections
 *       are not entries of their own but mark their target (corrected text and time shown, reasons
 *       listed). A text correction replaces: detection summary, severity-change reason, impact
 *       description, note, public message, containment description, fix resolution, root cause,
 *       lesson, action item description, reopening reason or postmortem summary.</li>
 *   <li>Impact: each field keeps its latest known value across assessments; every root cause,
 *       containment and fix is kept, reopened cycles included.</li>
 *   <li>Status: DRAFT until learned, FINAL after for good; the summary is the postmortem summary
 *       once learned, the detection summary before.</li>
 * </ul>
 */
package io.incidentledger.query.postmortem;
