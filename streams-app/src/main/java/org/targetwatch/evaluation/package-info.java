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
 *
 * <p>Over many worlds ({@code evaluate --worlds}, docs/evaluation.md): {@link org.targetwatch.evaluation.LabelsFile}
 * reads both labels formats (with the simulator's per-account parameters), each world is reduced to a
 * {@link org.targetwatch.evaluation.WorldResult}, and {@link org.targetwatch.evaluation.MultiWorldSummary}
 * gives each figure as a {@link org.targetwatch.evaluation.WorldSeries} (mean, worst world, spread) and
 * the {@link org.targetwatch.evaluation.StrengthCurve}s; {@link org.targetwatch.evaluation.MultiWorldMarkdown},
 * {@link org.targetwatch.evaluation.SummaryJson} and {@link org.targetwatch.evaluation.MultiWorldHtmlReport} write them.
 *
 * <p>The safety loop ({@code evaluate --worlds --safety-loop}): {@link org.targetwatch.evaluation.SafetyLoopWorld}
 * compares a world's replays without reports, with them, and with a simulated reviewer's verdicts;
 * {@link org.targetwatch.evaluation.SafetyLoopSummary} gives the figures over worlds.
 */
package org.targetwatch.evaluation;
