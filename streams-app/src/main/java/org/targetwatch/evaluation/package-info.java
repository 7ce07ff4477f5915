/**
 * {@code evaluate}: detection quality per behaviour class from events, ground-truth labels and
 * alerts — precision, recall, F1 at a severity floor, and time to detect as the number of distinct
 * minors an offender had contacted before its first alert.
 */
package org.targetwatch.evaluation;
