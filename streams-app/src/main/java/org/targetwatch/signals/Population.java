package org.targetwatch.signals;

/**
 * What the platform looks like at contact time, from the task's sample of accounts: the base rate
 * of minors and the upper quartile of minors' degrees.
 */
public record Population(double minorShare, double minorDegreeUpperQuartile) {}
