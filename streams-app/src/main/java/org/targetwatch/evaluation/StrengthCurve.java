package org.targetwatch.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * A rate against the strength of a tactic, binned: for example the share of offenders detected
 * against how strongly they picked high-degree minors ({@code degreePickedShare}), or the share of
 * teachers alerted against how many pupils they added ({@code intensity}). Accounts are pooled over
 * all worlds; the strengths are cut into equal-width bins between the smallest and the largest value
 * seen, and every bin says how many accounts it holds, so a rate over 3 accounts is not read as one
 * over 300.
 *
 * @param subject whose rate it is ("offenders", "benign.teacher")
 * @param parameter the labels-file parameter on the x axis
 * @param rate what the y axis counts ("detected", "alerted")
 */
public record StrengthCurve(String subject, String parameter, String rate, List<Bin> bins) {

  /** Bins per curve: few enough that each holds a useful number of accounts over 10-20 worlds. */
  public static final int BINS = 5;

  /** One account: its parameter value, and whether it counts for the rate (detected, or alerted). */
  public record Observation(double strength, boolean counted) {}

  /** Accounts whose strength is in {@code [from, to)} ({@code [from, to]} for the last bin). */
  public record Bin(double from, double to, int accounts, int counted) {
    public Bin {
      if (counted < 0 || counted > accounts) {
        throw new IllegalArgumentException("bin [" + from + ", " + to + "]: " + counted + " of " + accounts);
      }
    }

    /** The rate in this bin; NaN for an empty bin. */
    public double share() {
      return accounts == 0 ? Double.NaN : (double) counted / accounts;
    }
  }

  public StrengthCurve {
    bins = List.copyOf(bins);
  }

  /** Bins {@code observations} into {@code binCount} equal-width bins (one bin when all strengths are equal). */
  public static StrengthCurve of(String subject, String parameter, String rate, List<Observation> observations,
      int binCount) {
    if (binCount < 1) {
      throw new IllegalArgumentException("bin count must be at least 1, was " + binCount);
    }
    if (observations.isEmpty()) {
      return new StrengthCurve(subject, parameter, rate, List.of());
    }
    double min = observations.stream().mapToDouble(Observation::strength).min().orElseThrow();
    double max = observations.stream().mapToDouble(Observation::strength).max().orElseThrow();
    int n = max > min ? binCount : 1;
    double width = max > min ? (max - min) / n : 0;
    int[] accounts = new int[n];
    int[] counted = new int[n];
    for (Observation o : observations) {
      int index = width == 0 ? 0 : Math.min(n - 1, (int) ((o.strength() - min) / width));
      accounts[index]++;
      counted[index] += o.counted() ? 1 : 0;
    }
    List<Bin> bins = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double to = i == n - 1 ? max : min + (i + 1) * width;
      bins.add(new Bin(min + i * width, to, accounts[i], counted[i]));
    }
    return new StrengthCurve(subject, parameter, rate, bins);
  }

  public int accounts() {
    return bins.stream().mapToInt(Bin::accounts).sum();
  }

  public boolean isEmpty() {
    return bins.isEmpty();
  }
}
