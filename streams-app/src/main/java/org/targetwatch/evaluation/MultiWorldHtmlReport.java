package org.targetwatch.evaluation;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A {@link MultiWorldSummary} as one self-contained HTML page (inline SVG, no scripts, nothing
 * fetched): the figures as mean, worst world and spread, each class, each world, and the curves —
 * recall against each tactic strength, false alarms of each look-alike class against its intensity —
 * one SVG per curve.
 */
public final class MultiWorldHtmlReport {
  private MultiWorldHtmlReport() {}

  /** @param run how the worlds were made and evaluated (shown as it is: accounts, days, detector settings, ...) */
  public static String render(MultiWorldSummary s, Map<String, Object> run) {
    String floor = s.floor().name();
    StringBuilder page = HtmlReport.pageStart("targetwatch detection quality over " + s.worlds().size() + " worlds");
    page.append("<h1>targetwatch detection quality over ").append(s.worlds().size()).append(" worlds</h1>\n");
    page.append("<p>Which accounts the detector alerted at <b>").append(floor).append("</b> and above, against the "
        + "ground-truth class of every account, in ").append(s.worlds().size()).append(" ")
        .append(s.allRandomized() ? "randomized " : "").append(s.worlds().size() == 1 ? "world" : "worlds")
        .append(" of <b>our own simulator</b> (")
        .append(HtmlReport.escape(MultiWorldMarkdown.seedRange(s.seeds()) + "; " + SeedConvention.clause(s.seeds())))
        .append("). These figures describe that "
            + "simulator's worlds, not a real platform; the independent world is evaluated separately. Each figure is "
            + "given as its mean, its worst world and its spread, so one lucky world cannot carry it.</p>\n");

    page.append("<h2>Run</h2>\n<dl>");
    run.forEach((key, value) -> HtmlReport.item(page, key, String.valueOf(value)));
    HtmlReport.item(page, "severity floor", floor + " and above");
    page.append("</dl>\n");

    page.append("<h2>Figures over worlds</h2>\n<table><tr><th>figure</th><th>mean</th><th>worst world</th><th>min</th>"
        + "<th>max</th><th>standard deviation</th><th>worlds where defined</th></tr>\n");
    row(page, "precision", s.precision(), Figures::ratio);
    row(page, "recall", s.recall(), Figures::ratio);
    row(page, "F1", s.f1(), Figures::ratio);
    row(page, "minors contacted before the first alert (median per world)", s.minorsBeforeAlert(),
        MultiWorldMarkdown::decimal);
    page.append("</table>\n");

    page.append("<h2>Per class</h2>\n<table><tr><th>class</th><th>worlds</th><th>accounts, all worlds</th>"
        + "<th>share alerted at ").append(floor).append("+, mean</th><th>worst world</th><th>best world</th></tr>\n");
    for (MultiWorldSummary.ClassSeries c : s.classes()) {
      WorldSeries share = c.share();
      boolean miss = c.offender() ? share.worst() < 1.0 : share.worst() > DetectionTable.BENIGN_TARGET_SHARE;
      page.append("<tr class=\"").append(c.offender() ? "offender" : "benign").append(miss ? " miss" : "").append("\"><td>")
          .append(HtmlReport.escape(c.label())).append("</td><td>").append(share.definedWorlds()).append("</td><td>")
          .append(Figures.thousands(c.accounts())).append("</td><td>").append(MultiWorldMarkdown.percentOrNa(share.mean()))
          .append("</td><td>").append(MultiWorldMarkdown.percentOrNa(share.worst())).append("</td><td>")
          .append(MultiWorldMarkdown.percentOrNa(c.offender() ? share.max() : share.min())).append("</td></tr>\n");
    }
    page.append("</table>\n<p>Offender classes: the share detected (worst world: the lowest). Look-alike (benign) "
        + "classes: the share alerted, a false alarm (worst world: the highest). Shaded: an offender class missed in "
        + "some world, or a look-alike class over 5% in some world.</p>\n");

    page.append("<h2>Each world</h2>\n<table><tr><th>seed</th><th>precision</th><th>recall</th><th>F1</th>"
        + "<th>minors before alert, median</th><th>offenders detected</th><th>benign accounts alerted</th></tr>\n");
    for (WorldResult w : s.worlds()) {
      ConfusionCounts c = w.table().confusion();
      page.append("<tr><td>").append(w.seed()).append("</td><td>").append(Figures.ratio(w.precision())).append("</td><td>")
          .append(Figures.ratio(w.recall())).append("</td><td>").append(Figures.ratio(w.f1())).append("</td><td>")
          .append(Figures.count(w.medianMinorsBeforeAlert())).append("</td><td>").append(c.truePositives()).append(" / ")
          .append(c.offenders()).append("</td><td>").append(c.falsePositives()).append(" / ")
          .append(Figures.thousands(c.falsePositives() + c.trueNegatives())).append("</td></tr>\n");
    }
    page.append("</table>\n");
    HtmlReport.figure(page, SvgCharts.perWorld(s.worlds()), "Precision (blue, upper) and recall (red, lower) of each "
        + "world; the spread between worlds is the uncertainty a single world hides.");

    page.append("<h2>Recall against tactic strength</h2>\n");
    List<StrengthCurve> recall = s.recallCurves();
    if (recall.isEmpty()) {
      page.append("<p>No offender in these worlds has tactic parameters (labels without per-account parameters, e.g. "
          + "plain <code>simulate</code>): no curve.</p>\n");
    }
    for (StrengthCurve curve : recall) {
      HtmlReport.figure(page, SvgCharts.binnedRate(curve, "Offenders detected against " + curve.parameter(),
          SvgCharts.OFFENDER_COLOUR, Double.NaN, ""), "Share of the offenders having " + curve.parameter()
          + " that were alerted at " + floor + "+, by bin of " + curve.parameter() + ", all worlds pooled ("
          + curve.accounts() + " offenders). Bar label: detected / offenders in the bin.");
    }
    page.append("<h2>False alarms against look-alike intensity</h2>\n");
    List<StrengthCurve> falseAlarms = s.falseAlarmCurves();
    if (falseAlarms.isEmpty()) {
      page.append("<p>No look-alike account in these worlds has an intensity parameter: no curve.</p>\n");
    }
    for (StrengthCurve curve : falseAlarms) {
      HtmlReport.figure(page, SvgCharts.binnedRate(curve, curve.subject() + " alerted against intensity",
          SvgCharts.BENIGN_COLOUR, DetectionTable.BENIGN_TARGET_SHARE, "benign target 5%"), "Share of "
          + curve.subject() + " accounts alerted at " + floor + "+ (false alarms), by bin of intensity, all worlds pooled ("
          + curve.accounts() + " accounts). Bar label: alerted / accounts in the bin.");
    }
    return page.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder page, String name, WorldSeries series, DoubleFunction<String> format) {
    page.append("<tr><td>").append(HtmlReport.escape(name)).append("</td><td>").append(format.apply(series.mean()))
        .append("</td><td>").append(format.apply(series.worst())).append("</td><td>").append(format.apply(series.min()))
        .append("</td><td>").append(format.apply(series.max())).append("</td><td>")
        .append(format.apply(series.standardDeviation())).append("</td><td>").append(series.definedWorlds()).append(" of ")
        .append(series.values().size()).append("</td></tr>\n");
  }
}
