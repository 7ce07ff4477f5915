package org.targetwatch.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.targetwatch.schema.Severity;

/**
 * Detection quality over several worlds: each figure as a {@link WorldSeries} (mean, worst world,
 * spread), the per-class shares likewise, and the {@link StrengthCurve}s pooled over all worlds.
 * Pure arithmetic over {@link WorldResult}s; reading and replaying is the caller's job.
 */
public record MultiWorldSummary(Severity floor, List<WorldResult> worlds) {

  /** Offender parameters the recall curves are drawn against (labels format 2, per account). */
  public static final List<String> TACTIC_STRENGTHS = List.of("degreePickedShare", "ringOverlap", "acceptanceRate");

  /** The look-alike parameter the false-alarm curves are drawn against. */
  public static final String LOOK_ALIKE_INTENSITY = "intensity";

  /**
   * One class over the worlds it occurs in.
   *
   * @param share per world: detected share (offender class; higher is better) or alerted share (benign; lower is better)
   * @param accounts accounts of the class, all worlds together
   * @param alertedAtFloor of those, alerted at the floor
   */
  public record ClassSeries(String label, WorldSeries share, long accounts, long alertedAtFloor) {
    public boolean offender() {
      return DetectionTable.isOffender(label);
    }
  }

  public MultiWorldSummary {
    if (worlds.isEmpty()) {
      throw new IllegalArgumentException("no worlds to summarise");
    }
    worlds = List.copyOf(worlds);
  }

  public WorldSeries precision() {
    return WorldSeries.higherIsBetter(each(WorldResult::precision));
  }

  public WorldSeries recall() {
    return WorldSeries.higherIsBetter(each(WorldResult::recall));
  }

  public WorldSeries f1() {
    return WorldSeries.higherIsBetter(each(WorldResult::f1));
  }

  /** Per world, the median distinct minors contacted before the first alert at the floor (lower is better). */
  public WorldSeries minorsBeforeAlert() {
    return WorldSeries.lowerIsBetter(each(WorldResult::medianMinorsBeforeAlert));
  }

  /** Offender classes first, then benign, each by name; a class absent from a world has no value for it. */
  public List<ClassSeries> classes() {
    Map<String, List<Double>> shares = new TreeMap<>();
    Map<String, long[]> totals = new TreeMap<>();
    for (WorldResult world : worlds) {
      for (DetectionTable.ClassRow row : world.table().rows()) {
        shares.computeIfAbsent(row.label(), l -> new ArrayList<>()).add(row.shareAtFloor());
        long[] t = totals.computeIfAbsent(row.label(), l -> new long[2]);
        t[0] += row.accounts();
        t[1] += row.alertedAtFloor();
      }
    }
    List<ClassSeries> classes = new ArrayList<>();
    shares.forEach((label, values) -> classes.add(new ClassSeries(label,
        new WorldSeries(values, DetectionTable.isOffender(label)), totals.get(label)[0], totals.get(label)[1])));
    classes.sort(Comparator.comparing((ClassSeries c) -> !c.offender()).thenComparing(ClassSeries::label));
    return classes;
  }

  /** Share of offenders detected against each tactic strength, for the strengths some offender has. */
  public List<StrengthCurve> recallCurves() {
    List<StrengthCurve> curves = new ArrayList<>();
    for (String parameter : TACTIC_STRENGTHS) {
      List<StrengthCurve.Observation> points = new ArrayList<>();
      for (WorldResult world : worlds) {
        for (WorldResult.AccountOutcome account : world.outcomes()) {
          Double strength = account.parameters().get(parameter);
          if (account.offender() && strength != null) {
            points.add(new StrengthCurve.Observation(strength, account.alertedAtFloor()));
          }
        }
      }
      if (!points.isEmpty()) {
        curves.add(StrengthCurve.of("offenders", parameter, "detected", points, StrengthCurve.BINS));
      }
    }
    return curves;
  }

  /** Per look-alike class whose accounts have an intensity: share alerted against intensity. */
  public List<StrengthCurve> falseAlarmCurves() {
    Map<String, List<StrengthCurve.Observation>> byClass = new TreeMap<>();
    for (WorldResult world : worlds) {
      for (WorldResult.AccountOutcome account : world.outcomes()) {
        Double intensity = account.parameters().get(LOOK_ALIKE_INTENSITY);
        if (!account.offender() && intensity != null) {
          byClass.computeIfAbsent(account.label(), l -> new ArrayList<>())
              .add(new StrengthCurve.Observation(intensity, account.alertedAtFloor()));
        }
      }
    }
    List<StrengthCurve> curves = new ArrayList<>();
    byClass.forEach((label, points) ->
        curves.add(StrengthCurve.of(label, LOOK_ALIKE_INTENSITY, "alerted", points, StrengthCurve.BINS)));
    return curves;
  }

  public List<Long> seeds() {
    return worlds.stream().map(WorldResult::seed).toList();
  }

  /** Whether every world came from a randomized simulation (labels format 2 saying so). */
  public boolean allRandomized() {
    return worlds.stream().allMatch(WorldResult::randomized);
  }

  private List<Double> each(ToDoubleFunction<WorldResult> figure) {
    return worlds.stream().map(w -> figure.applyAsDouble(w)).toList();
  }
}
