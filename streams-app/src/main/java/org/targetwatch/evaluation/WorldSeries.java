package org.targetwatch.evaluation;

import java.util.List;

/**
 * One figure measured on several worlds (precision on each, say), and what the set of values says:
 * mean, worst world, and spread (min, max, standard deviation). A world where the figure is
 * undefined ({@link Double#NaN}, e.g. precision with no account alerted) is left out of the
 * arithmetic and counted in {@link #undefinedWorlds()}, so it can neither flatter nor sink the mean.
 *
 * @param higherIsBetter true for precision or recall (the worst world is the minimum), false for
 *     time to detect or false alarms (the worst world is the maximum)
 */
public record WorldSeries(List<Double> values, boolean higherIsBetter) {

  public WorldSeries {
    values = List.copyOf(values);
  }

  public static WorldSeries higherIsBetter(List<Double> values) {
    return new WorldSeries(values, true);
  }

  public static WorldSeries lowerIsBetter(List<Double> values) {
    return new WorldSeries(values, false);
  }

  /** Worlds where the figure is defined. */
  public int definedWorlds() {
    return (int) values.stream().filter(v -> !Double.isNaN(v)).count();
  }

  public int undefinedWorlds() {
    return values.size() - definedWorlds();
  }

  public double mean() {
    return defined().average().orElse(Double.NaN);
  }

  public double min() {
    return defined().min().orElse(Double.NaN);
  }

  public double max() {
    return defined().max().orElse(Double.NaN);
  }

  /** The value of the worst world: the minimum when higher is better, else the maximum. */
  public double worst() {
    return higherIsBetter ? min() : max();
  }

  /** Sample standard deviation (n - 1 in the denominator); undefined for fewer than two worlds. */
  public double standardDeviation() {
    int n = definedWorlds();
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean();
    double squares = defined().map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (n - 1));
  }

  private java.util.stream.DoubleStream defined() {
    return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v));
  }
}
