package org.targetwatch.evaluation;

import java.util.List;

/**
 * Which worlds are for tuning and which for reporting (docs/evaluation.md, "Training and test
 * worlds"): training worlds are seeds 1000-1009, test worlds 2000-2019; the ranges are disjoint so
 * that a figure reported on test worlds was not tuned on them.
 */
public final class SeedConvention {
  public static final long TRAINING_FIRST_SEED = 1000;
  public static final int TRAINING_WORLDS = 10;
  public static final long TEST_FIRST_SEED = 2000;
  public static final int TEST_WORLDS = 20;

  private SeedConvention() {}

  /** "training", "test", "training and test" (a mix: a warning sign), or "other". */
  public static String worldSet(List<Long> seeds) {
    boolean training = seeds.stream().anyMatch(SeedConvention::isTraining);
    boolean test = seeds.stream().anyMatch(SeedConvention::isTest);
    boolean other = seeds.stream().anyMatch(s -> !isTraining(s) && !isTest(s));
    if (training && test) {
      return "training and test";
    }
    if (other) {
      return "other";
    }
    return training ? "training" : test ? "test" : "other";
  }

  static boolean isTraining(long seed) {
    return seed >= TRAINING_FIRST_SEED && seed < TRAINING_FIRST_SEED + TRAINING_WORLDS;
  }

  static boolean isTest(long seed) {
    return seed >= TEST_FIRST_SEED && seed < TEST_FIRST_SEED + TEST_WORLDS;
  }

  /** A clause for the reports: what these seeds are for. */
  static String clause(List<Long> seeds) {
    return switch (worldSet(seeds)) {
      case "training" -> "training worlds: figures to tune on, not to report";
      case "test" -> "test worlds: figures to report, not to tune on";
      case "training and test" -> "a mix of training and test worlds: neither a tuning nor a reporting set";
      default -> "outside the training (1000-1009) and test (2000-2019) seeds";
    };
  }
}
