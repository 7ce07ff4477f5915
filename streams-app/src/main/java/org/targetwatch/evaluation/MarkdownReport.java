package org.targetwatch.evaluation;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The evaluation as Markdown: one line on the scenario, the per-class table, the overall figures. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(Evaluation.Result result) {
    DetectionTable t = result.table();
    String floor = t.floor().name();
    StringBuilder out = new StringBuilder();
    out.append(scenarioLine(result.facts(), floor)).append("\n\n");
    out.append("| class | accounts | alerted at ").append(floor).append("+ | share | alerted at any severity")
        .append(" | minors contacted before the first alert, median / p90 | never detected |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (DetectionTable.ClassRow row : t.rows()) {
      out.append("| ").append(row.label())
          .append(" | ").append(Figures.thousands(row.accounts()))
          .append(" | ").append(row.alertedAtFloor()).append(" / ").append(Figures.thousands(row.accounts()))
          .append(" | ").append(Figures.percent(row.shareAtFloor())).append(row.overBenignTarget() ? " (over 5%)" : "")
          .append(" | ").append(Figures.percent(row.shareAtAnySeverity()))
          .append(" | ").append(row.offender() ? Figures.timeToDetect(row) : "")
          .append(" | ").append(row.offender() ? String.valueOf(row.neverDetected()) : "")
          .append(" |\n");
    }
    ConfusionCounts c = t.confusion();
    out.append("\n| at ").append(floor).append(" and above | |\n|---|---|\n");
    out.append(String.format(Locale.ROOT, "| precision | %s (%d of %d alerted accounts are offenders) |%n",
        Figures.ratio(c.precision()), c.truePositives(), c.alerted()));
    out.append(String.format(Locale.ROOT, "| recall | %s (%d of %d offenders alerted) |%n",
        Figures.ratio(c.recall()), c.truePositives(), c.offenders()));
    out.append("| F1 | ").append(Figures.ratio(c.f1())).append(" |\n");
    List<Integer> costs = t.minorsBeforeDetection();
    out.append("| minors contacted before the first alert, all offenders, median / p90 | ")
        .append(Figures.count(Quantiles.median(costs))).append(" / ")
        .append(Figures.count(costs.isEmpty() ? Double.NaN : Quantiles.percentile(costs, 0.9)))
        .append(" (").append(t.offendersNeverDetected()).append(" never detected) |\n");
    List<DetectionTable.ClassRow> over = t.benignOverTarget();
    out.append("| benign classes alerted in more than 5% of their accounts | ")
        .append(over.isEmpty() ? "none" : over.stream()
            .map(r -> r.label() + " (" + r.alertedAtFloor() + " of " + r.accounts() + ")").collect(Collectors.joining(", ")))
        .append(" |\n");
    if (t.unlabelledAlertedAccounts() > 0) {
      out.append("| alerted accounts without a label (not scored) | ").append(t.unlabelledAlertedAccounts()).append(" |\n");
    }
    return out.toString();
  }

  static String scenarioLine(ScenarioFacts f, String floor) {
    String period = f.firstContact() == null ? "no contact events"
        : f.firstContact().truncatedTo(ChronoUnit.SECONDS) + " to " + f.lastContact().truncatedTo(ChronoUnit.SECONDS)
            + String.format(Locale.ROOT, " (%.1f days)", f.observedPeriod().toMinutes() / 1440.0);
    return String.format(Locale.ROOT, "Detection at %s and above: %s labelled accounts; %s profiles, %s friend-request "
        + "and %s message events, %s; %s alerts.", floor, Figures.thousands(f.labelledAccounts()),
        Figures.thousands(f.profiles()), Figures.thousands(f.friendRequests()), Figures.thousands(f.messages()), period,
        Figures.thousands(f.alerts()));
  }
}
