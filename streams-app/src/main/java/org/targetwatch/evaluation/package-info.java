/**
 * {@code evaluate}: detection quality per behaviour class from events, ground-truth labels and
 * alerts — precision, recall, F1 at a severity floor, and time to detect as the number of distinct
 * minors an offender had contacted up to its first alert at the floor.
 *
 * <p>Reading is streaming and kept apart from the arithmetic: {@link org.targetwatch.evaluation.AccountAlerts}
 * folds the alerts into one verdict per account, {@link org.targetwatch.evaluation.MinorContacts}
 * remembers the offenders' first contact per target in one pass over the events, and the pure
 * {@link org.targetwatch.evaluation.DetectionTable}, {@link org.targetwatch.evaluation.ConfusionCounts}
 * and {@link org.targetwatch.evaluation.Quantiles} do the figures. {@link org.targetwatch.evaluation.MarkdownReport}
 * prints them; {@link org.targetwatch.evaluation.HtmlReport} writes the analyst's page with hand-written SVG plots.
 */
package org.targetwatch.evaluation;
