package org.targetwatch.evaluation;

import java.util.List;
import java.util.Locale;

/** A {@link MultiWorldSummary} as Markdown: the figures over worlds, each world, each class, the curves as tables. */
public final class MultiWorldMarkdown {
  private MultiWorldMarkdown() {}

  public static String render(MultiWorldSummary s) {
    String floor = s.floor().name();
    List<Long> seeds = s.seeds();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Detection at %s and above over %d %s of our own simulator (%s; %s).%n%n",
        floor, seeds.size(), (s.allRandomized() ? "randomized " : "simulated ") + (seeds.size() == 1 ? "world" : "worlds"),
        seedRange(seeds), SeedConvention.clause(seeds)));

    out.append("| figure | mean | worst world | min | max | standard deviation |\n|---|---:|---:|---:|---:|---:|\n");
    figureRow(out, "precision", s.precision(), Figures::ratio);
    figureRow(out, "recall", s.recall(), Figures::ratio);
    figureRow(out, "F1", s.f1(), Figures::ratio);
    figureRow(out, "minors contacted before the first alert (median per world)", s.minorsBeforeAlert(), MultiWorldMarkdown::decimal);

    out.append("\n| world (seed) | precision | recall | F1 | minors before alert, median | offenders detected | benign alerted | alerts |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (WorldResult w : s.worlds()) {
      ConfusionCounts c = w.table().confusion();
      out.append("| ").append(w.seed())
          .append(" | ").append(Figures.ratio(w.precision()))
          .append(" | ").append(Figures.ratio(w.recall()))
          .append(" | ").append(Figures.ratio(w.f1()))
          .append(" | ").append(Figures.count(w.medianMinorsBeforeAlert()))
          .append(" | ").append(c.truePositives()).append(" / ").append(c.offenders())
          .append(" | ").append(c.falsePositives()).append(" / ").append(c.falsePositives() + c.trueNegatives())
          .append(" | ").append(Figures.thousands(w.alerts())).append(" |\n");
    }

    out.append("\n| class | worlds | accounts (all worlds) | share alerted at ").append(floor)
        .append("+, mean | worst world | best world |\n|---|---:|---:|---:|---:|---:|\n");
    for (MultiWorldSummary.ClassSeries c : s.classes()) {
      WorldSeries share = c.share();
      double best = c.offender() ? share.max() : share.min();
      out.append("| ").append(c.label())
          .append(" | ").append(share.definedWorlds())
          .append(" | ").append(Figures.thousands(c.accounts()))
          .append(" | ").append(percentOrNa(share.mean()))
          .append(" | ").append(percentOrNa(share.worst()))
          .append(c.offender() || !(share.worst() > DetectionTable.BENIGN_TARGET_SHARE) ? "" : " (over 5%)")
          .append(" | ").append(percentOrNa(best)).append(" |\n");
    }
    List<StrengthCurve> curves = new java.util.ArrayList<>(s.recallCurves());
    curves.addAll(s.falseAlarmCurves());
    if (!curves.isEmpty()) {
      out.append("\n| curve (all worlds pooled) | bins: strength range: counted / accounts |\n|---|---|\n");
      curves.forEach(curve -> curveRow(out, curve));
    }
    return out.toString();
  }

  private static void curveRow(StringBuilder out, StrengthCurve curve) {
    out.append("| ").append(curve.subject()).append(" ").append(curve.rate()).append(" by ").append(curve.parameter())
        .append(" | ");
    StringBuilder cells = new StringBuilder();
    for (StrengthCurve.Bin bin : curve.bins()) {
      if (cells.length() > 0) {
        cells.append("; ");
      }
      cells.append(String.format(Locale.ROOT, "%s-%s: %d / %d", decimal(bin.from()), decimal(bin.to()), bin.counted(),
          bin.accounts()));
    }
    out.append(cells).append(" |\n");
  }

  private static void figureRow(StringBuilder out, String name, WorldSeries series,
      java.util.function.DoubleFunction<String> format) {
    out.append("| ").append(name)
        .append(" | ").append(format.apply(series.mean()))
        .append(" | ").append(format.apply(series.worst()))
        .append(" | ").append(format.apply(series.min()))
        .append(" | ").append(format.apply(series.max()))
        .append(" | ").append(format.apply(series.standardDeviation()))
        .append(series.undefinedWorlds() > 0 ? " (undefined in " + series.undefinedWorlds() + " worlds)" : "")
        .append(" |\n");
  }

  static String decimal(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }

  static String percentOrNa(double share) {
    return Double.isNaN(share) ? "n/a" : Figures.percent(share);
  }

  /** "seed 7", "seeds 1000..1009", or the list when the seeds are not consecutive. */
  static String seedRange(List<Long> seeds) {
    if (seeds.size() == 1) {
      return "seed " + seeds.get(0);
    }
    boolean consecutive = true;
    for (int i = 1; i < seeds.size(); i++) {
      consecutive &= seeds.get(i) == seeds.get(i - 1) + 1;
    }
    return "seeds " + (consecutive ? seeds.get(0) + ".." + seeds.get(seeds.size() - 1) : seeds.toString());
  }
}
