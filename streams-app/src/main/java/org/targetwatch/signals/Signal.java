package org.targetwatch.signals;

/**
 * One named, explainable signal: its value for a sender and window, the threshold it is compared
 * with, and whether it is met. The names are the {@code signal} field of an alert's reasons and are
 * defined in docs/detection.md.
 */
public record Signal(String name, double value, double threshold, boolean met) {

  public static Signal atLeast(String name, double value, double threshold) {
    return new Signal(name, value, threshold, value >= threshold);
  }

  public static Signal atMost(String name, double value, double threshold) {
    return new Signal(name, value, threshold, value <= threshold);
  }

  public static Signal below(String name, double value, double threshold) {
    return new Signal(name, value, threshold, value < threshold);
  }
}
