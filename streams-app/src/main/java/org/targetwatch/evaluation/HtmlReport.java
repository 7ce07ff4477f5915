package org.targetwatch.evaluation;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.targetwatch.schema.Severity;

/**
 * The evaluation as one self-contained HTML page for a safety analyst: what was evaluated, the
 * headline figures against their targets, the per-class table, and three plots (inline SVG, no
 * scripts, no external resources, so the file can be mailed or archived as it is).
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * @param cutOffs score from which each severity is raised, drawn on the score plot (the detector's
   *     configured thresholds; the alerts themselves carry only their severity and score)
   */
  public static String render(Evaluation.Result result, Map<Severity, Double> cutOffs) {
    DetectionTable t = result.table();
    ScenarioFacts f = result.facts();
    String floor = t.floor().name();
    StringBuilder page = pageStart("targetwatch detection quality");
    page.append("<h1>targetwatch detection quality</h1>\n");
    page.append("<p>Which accounts the detector alerted at <b>").append(floor).append("</b> and above, against the "
        + "ground-truth behaviour class of every account. An account counts once, at its highest alert.</p>\n");

    page.append("<h2>Scenario</h2>\n<dl>");
    item(page, "events", result.events().toString());
    item(page, "labels", result.labels().toString());
    item(page, "alerts", result.alerts().toString());
    item(page, "labelled accounts", Figures.thousands(f.labelledAccounts()) + " in " + t.rows().size() + " classes ("
        + t.rows().stream().filter(DetectionTable.ClassRow::offender).mapToInt(DetectionTable.ClassRow::accounts).sum()
        + " offenders)");
    item(page, "events read", Figures.thousands(f.profiles()) + " profiles, " + Figures.thousands(f.friendRequests())
        + " friend requests, " + Figures.thousands(f.messages()) + " messages"
        + (f.badEventLines() > 0 ? "; " + Figures.thousands(f.badEventLines()) + " bad lines skipped" : ""));
    item(page, "observed period", f.firstContact() == null ? "no contact events"
        : f.firstContact().truncatedTo(ChronoUnit.SECONDS) + " to " + f.lastContact().truncatedTo(ChronoUnit.SECONDS)
            + String.format(Locale.ROOT, " (%.1f days)", f.observedPeriod().toMinutes() / 1440.0));
    item(page, "alerts read", Figures.thousands(f.alerts())
        + (f.badAlertLines() > 0 ? "; " + Figures.thousands(f.badAlertLines()) + " bad lines skipped" : ""));
    item(page, "severity floor", floor + " and above");
    page.append("</dl>\n");

    page.append("<h2>Headline figures</h2>\n").append(headline(t));
    page.append("<h2>Per class</h2>\n").append(table(t));

    page.append("<h2>Plots</h2>\n");
    page.append("<h3>Share of each class alerted</h3>\n");
    figure(page, SvgCharts.shareAlerted(t.rows(), t.floor()), "Share of each class's accounts alerted. Offender "
        + "classes (red) should be near 100%, benign classes (blue) at or under the dashed 5% line.");
    page.append("<h3>Score distribution per class</h3>\n");
    figure(page, SvgCharts.scoreStrip(t.rows(), cutOffs), "Highest alert score of every alerted account, per class "
        + "(box: quartiles and median, drawn from 5 accounts). Accounts never alerted have no score and are not shown.");
    page.append("<h3>Time to detect per offender class</h3>\n");
    figure(page, SvgCharts.timeToDetect(t.rows(), t.floor()), "Time to detect, counted in harm: the distinct minors "
        + "an offender had sent a friend request or a message to, up to and including the event that raised its first "
        + floor + "+ alert.");
    return page.append("</body></html>\n").toString();
  }

  /** The page's head and styles, shared by the one-scenario and the many-worlds report. */
  static StringBuilder pageStart(String title) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em auto;max-width:960px;color:#222;line-height:1.4}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}\n")
        .append("td:first-child,th:first-child{text-align:left}th{background:#f4f6f7}\n")
        .append(".offender td:first-child{color:").append(SvgCharts.OFFENDER_COLOUR).append("}")
        .append(".benign td:first-child{color:").append(SvgCharts.BENIGN_COLOUR).append("}\n")
        .append(".miss{background:#fdecea}.ok{color:#1e8449}.bad{color:#c0392b;font-weight:bold}\n")
        .append("dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{font-weight:bold}dd{margin:0}\n")
        .append("figure{margin:1.5em 0}figcaption{color:#555;font-size:90%}\n")
        .append("</style></head><body>\n");
    return page;
  }

  private static String headline(DetectionTable t) {
    ConfusionCounts c = t.confusion();
    List<Integer> costs = t.minorsBeforeDetection();
    double median = Quantiles.median(costs);
    List<DetectionTable.ClassRow> over = t.benignOverTarget();
    StringBuilder out = new StringBuilder("<table><tr><th>figure</th><th>value</th><th>target</th></tr>");
    headlineRow(out, "precision", Figures.ratio(c.precision()) + " (" + c.truePositives() + " of " + c.alerted()
        + " alerted accounts)", ">= 0.95", c.precision() >= 0.95);
    headlineRow(out, "recall", Figures.ratio(c.recall()) + " (" + c.truePositives() + " of " + c.offenders()
        + " offenders)", ">= 0.95", c.recall() >= 0.95);
    headlineRow(out, "F1", Figures.ratio(c.f1()), "", true);
    headlineRow(out, "minors contacted before the first alert, median / p90",
        Figures.count(median) + " / " + Figures.count(costs.isEmpty() ? Double.NaN : Quantiles.percentile(costs, 0.9))
            + " (" + t.offendersNeverDetected() + " offenders never detected)", "median <= 10", median <= 10);
    headlineRow(out, "benign classes alerted in more than 5% of their accounts", over.isEmpty() ? "none"
        : over.stream().map(DetectionTable.ClassRow::label).collect(Collectors.joining(", ")), "none", over.isEmpty());
    return out.append("</table>\n").toString();
  }

  static void headlineRow(StringBuilder out, String figure, String value, String target, boolean met) {
    out.append("<tr><td>").append(escape(figure)).append("</td><td>").append(escape(value)).append("</td><td class=\"")
        .append(target.isEmpty() ? "" : met ? "ok" : "bad").append("\">")
        .append(escape(target.isEmpty() ? "" : target + (met ? " met" : " missed"))).append("</td></tr>");
  }

  private static String table(DetectionTable t) {
    StringBuilder out = new StringBuilder("<table><tr><th>class</th><th>accounts</th><th>alerted at ")
        .append(t.floor()).append("+</th><th>share</th><th>alerted at any severity</th>")
        .append("<th>minors before first alert, median / p90</th><th>never detected</th></tr>\n");
    for (DetectionTable.ClassRow row : t.rows()) {
      boolean miss = row.overBenignTarget() || row.neverDetected() > 0;
      out.append("<tr class=\"").append(row.offender() ? "offender" : "benign").append(miss ? " miss" : "").append("\">")
          .append("<td>").append(escape(row.label())).append("</td>")
          .append("<td>").append(Figures.thousands(row.accounts())).append("</td>")
          .append("<td>").append(row.alertedAtFloor()).append(" / ").append(Figures.thousands(row.accounts())).append("</td>")
          .append("<td>").append(Figures.percent(row.shareAtFloor())).append("</td>")
          .append("<td>").append(Figures.percent(row.shareAtAnySeverity())).append("</td>")
          .append("<td>").append(row.offender() ? Figures.timeToDetect(row) : "").append("</td>")
          .append("<td>").append(row.offender() ? String.valueOf(row.neverDetected()) : "").append("</td></tr>\n");
    }
    return out.append("</table>\n<p>Shaded rows miss a target: an offender never detected, or a benign class alerted "
        + "in more than 5% of its accounts.</p>\n").toString();
  }

  static void item(StringBuilder page, String term, String value) {
    page.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
  }

  static void figure(StringBuilder page, String svg, String caption) {
    page.append("<figure>").append(svg).append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
