/**
 * The investigation console (DESIGN.md, "Ways to run it"): a safety analyst's alert queue, alert
 * detail with the evidence graph picture, account lookup through Kafka Streams Interactive Queries,
 * and the CONFIRM / CLEAR / REOPEN buttons that write {@code review_verdict} records. Served by the
 * instance itself on its own port ({@link org.targetwatch.console.InvestigationConsole}); every
 * request is authenticated ({@link org.targetwatch.console.ConsoleAuth}), every verdict and lookup
 * audited ({@link org.targetwatch.console.AuditLog}). Pages and scripts are files under
 * {@code resources/console}: no inline script, no CDN.
 */
package org.targetwatch.console;
