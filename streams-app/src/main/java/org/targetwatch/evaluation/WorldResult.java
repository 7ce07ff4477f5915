package org.targetwatch.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one world, reduced to what the figures over worlds need: its per-class table,
 * and for each account the simulator gave parameters to, its class, parameters and whether it was
 * alerted at the floor (the points of the strength curves). Accounts without parameters (the
 * ordinary population) are only counted in the table, so a world costs little memory once evaluated.
 *
 * @param seed the world's simulator seed
 * @param directory where its events and labels are
 * @param alerts alert records read
 */
public record WorldResult(long seed, Path directory, DetectionTable table, long alerts, boolean randomized,
    Map<String, Object> worldParameters, List<AccountOutcome> outcomes) {

  /** One account with parameters. */
  public record AccountOutcome(String label, Map<String, Double> parameters, boolean alertedAtFloor) {
    public boolean offender() {
      return DetectionTable.isOffender(label);
    }
  }

  public WorldResult {
    outcomes = List.copyOf(outcomes);
  }

  public static WorldResult of(long seed, Path directory, Evaluation.Detail detail) {
    LabelsFile labels = detail.labels();
    List<AccountOutcome> outcomes = new ArrayList<>();
    labels.accountParameters().forEach((account, parameters) -> {
      String label = labels.classes().get(account);
      AccountVerdict verdict = detail.verdicts().get(account);
      outcomes.add(new AccountOutcome(label, parameters, verdict != null && verdict.alertedAtFloor()));
    });
    return new WorldResult(seed, directory, detail.result().table(), detail.result().facts().alerts(),
        labels.randomized(), labels.worldParameters(), outcomes);
  }

  public double precision() {
    return table.confusion().precision();
  }

  public double recall() {
    return table.confusion().recall();
  }

  public double f1() {
    return table.confusion().f1();
  }

  /** Median over this world's detected offenders of the distinct minors contacted up to the first alert at the floor. */
  public double medianMinorsBeforeAlert() {
    return Quantiles.median(table.minorsBeforeDetection());
  }
}
