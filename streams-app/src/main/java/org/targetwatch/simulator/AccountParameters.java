package org.targetwatch.simulator;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each planted account of a randomized world was drawn to do (its {@link Tuning}) and what
 * follows from it once the simulation ran (the mean acceptance chance of the minors it contacted,
 * its ring's target overlap), for labels.json. Empty in the fixed world.
 */
final class AccountParameters {
  /** Integer-valued parameters are written as whole numbers. */
  private static final Set<BehaviourParameter> WHOLE = EnumSet.of(
      BehaviourParameter.INTENSITY, BehaviourParameter.ACTIVE_DAYS, BehaviourParameter.BURSTS,
      BehaviourParameter.BURST_MINUTES, BehaviourParameter.ESTABLISHED,
      BehaviourParameter.ACCOUNT_AGE_DAYS, BehaviourParameter.OWN_FRIENDS,
      BehaviourParameter.CLAIMS_MINOR_BAND, BehaviourParameter.RING_SIZE,
      BehaviourParameter.SCHOOLS);

  private final Map<Integer, Map<String, Number>> byAccount = new TreeMap<>();
  private final Map<Integer, double[]> acceptance = new HashMap<>();
  private final Map<Integer, double[]> popularity = new HashMap<>();

  /** Records the account's drawn parameters. */
  void record(int account, Tuning tuning) {
    Map<String, Number> out = byAccount.computeIfAbsent(account, a -> new LinkedHashMap<>());
    tuning.values().forEach((p, v) -> out.put(p.label(), WHOLE.contains(p)
        ? (Number) Math.round(v) : (Number) round(v)));
  }

  void put(int account, String name, Number value) {
    byAccount.computeIfAbsent(account, a -> new LinkedHashMap<>())
        .put(name, value instanceof Double d ? round(d) : value);
  }

  /** A minor the account contacted would accept (or answer) with this chance. */
  void contacted(int account, double acceptChance) {
    double[] sum = acceptance.computeIfAbsent(account, a -> new double[2]);
    sum[0] += acceptChance;
    sum[1]++;
  }

  /** The account sent a friend request to (or cold-messaged) a minor this popular among minors. */
  void reached(int account, double minorsPopularity) {
    double[] sum = popularity.computeIfAbsent(account, a -> new double[2]);
    sum[0] += minorsPopularity;
    sum[1]++;
  }

  boolean isEmpty() {
    return byAccount.isEmpty();
  }

  /**
   * Account id -> parameter name -> value, in account order; for accounts that contacted minors,
   * acceptanceRate and minorsContacted (offenders) and meanTargetPopularity (all planted).
   */
  Map<String, Map<String, Number>> byId(Population population) {
    Map<String, Map<String, Number>> out = new LinkedHashMap<>();
    byAccount.forEach((account, values) -> {
      Map<String, Number> copy = new LinkedHashMap<>(values);
      double[] sum = acceptance.get(account);
      if (sum != null && sum[1] > 0) {
        copy.put("acceptanceRate", round(sum[0] / sum[1]));
        copy.put("minorsContacted", (long) sum[1]);
      }
      double[] reached = popularity.get(account);
      if (reached != null && reached[1] > 0) {
        copy.put("meanTargetPopularity", round(reached[0] / reached[1]));
      }
      out.put(population.ids[account], copy);
    });
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
