package org.targetwatch.evaluation;

import java.util.List;
import java.util.Locale;

/** The evaluation as a Markdown table (for the console and the README) and as an HTML page with SVG plots. */
public final class EvaluationReport {
  private EvaluationReport() {}

  public static String markdown(Evaluation.Result r) {
    StringBuilder out = new StringBuilder();
    out.append("| class | accounts | alerted at ").append(r.floor()).append("+ | share | alerted at any severity"
        + " | minors before detection, median / p90 |\n|---|---|---|---|---|---|\n");
    for (Evaluation.ClassRow row : r.rows()) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %d | %s |%n", row.label(), row.accounts(),
          row.alerted(), row.share(), row.alertedAnySeverity(), row.offender() ? cost(row.minorsBeforeDetection()) : ""));
    }
    Confusion c = r.confusion();
    out.append(String.format(Locale.ROOT, "%nAt %s and above: precision %.3f, recall %.3f, F1 %.3f "
        + "(%d true positives, %d false positives, %d missed); minors contacted before the first alert: %s%n",
        r.floor(), c.precision(), c.recall(), c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives(),
        cost(r.minorsBeforeDetection())));
    return out.toString();
  }

  private static String cost(List<Integer> values) {
    return values.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f / %.0f",
        Quantiles.median(values), Quantiles.percentile(values, 0.9));
  }

  /** A page an analyst reads: the table, the share alerted per class, and time to detect per offender class. */
  public static String html(Evaluation.Result r, String title) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:960px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}</style></head><body>")
        .append("<h1>").append(escape(title)).append("</h1>");
    Confusion c = r.confusion();
    page.append(String.format(Locale.ROOT, "<p>At <b>%s</b> and above: precision <b>%.3f</b>, recall <b>%.3f</b>, "
        + "F1 <b>%.3f</b>.</p>", r.floor(), c.precision(), c.recall(), c.f1()));
    page.append("<table><tr><th>class</th><th>accounts</th><th>alerted</th><th>share</th><th>any severity</th>"
        + "<th>minors before detection (median / p90)</th></tr>");
    for (Evaluation.ClassRow row : r.rows()) {
      page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.3f</td><td>%d</td><td>%s</td></tr>",
          escape(row.label()), row.accounts(), row.alerted(), row.share(), row.alertedAnySeverity(),
          row.offender() ? cost(row.minorsBeforeDetection()) : ""));
    }
    page.append("</table><h2>Share of accounts alerted, per class</h2>").append(shareChart(r.rows()));
    page.append("<h2>Highest alert score per alerted account, per class</h2>").append(scoreChart(r.rows()));
    page.append("<h2>Minors contacted before the first alert, per offender class</h2>").append(detectionChart(r.rows()));
    return page.append("</body></html>").toString();
  }

  static String shareChart(List<Evaluation.ClassRow> rows) {
    int barHeight = 22;
    int width = 760;
    int labelWidth = 220;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", width, rows.size() * barHeight + 40));
    int y = 10;
    for (Evaluation.ClassRow row : rows) {
      double w = (width - labelWidth - 60) * row.share();
      String color = row.offender() ? "#c0392b" : "#2980b9";
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 14, escape(row.label())))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
              labelWidth, y + 2, w, color))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.0f%%</text>",
              labelWidth + w + 4, y + 14, row.share() * 100));
      y += barHeight;
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">share of the class's accounts "
        + "alerted (0-100%%); red: offenders, blue: benign</text>", labelWidth, y + 18));
    return svg.append("</svg>").toString();
  }

  static String scoreChart(List<Evaluation.ClassRow> rows) {
    int labelWidth = 220;
    int plot = 480;
    int rowHeight = 22;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", labelWidth + plot + 60,
        rows.size() * rowHeight + 50));
    int y = 10;
    for (Evaluation.ClassRow row : rows) {
      String color = row.offender() ? "#c0392b" : "#2980b9";
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 14, escape(row.label())));
      for (double score : row.bestScores()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"%s\" fill-opacity=\"0.35\"/>",
            labelWidth + plot * score, y + 10, color));
      }
      y += rowHeight;
    }
    for (double cut : new double[] {0.2, 0.4, 0.6, 0.85}) {
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"5\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"3,3\"/>",
          labelWidth + plot * cut, labelWidth + plot * cut, y + 4));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">score 0 .. 1; dashed: default LOW, MEDIUM, "
        + "HIGH, CRITICAL cut-offs</text>", labelWidth, y + 20));
    return svg.append("</svg>").toString();
  }

  static String detectionChart(List<Evaluation.ClassRow> rows) {
    List<Evaluation.ClassRow> offenders = rows.stream().filter(Evaluation.ClassRow::offender)
        .filter(r -> !r.minorsBeforeDetection().isEmpty()).toList();
    int max = offenders.stream().flatMap(r -> r.minorsBeforeDetection().stream()).max(Integer::compare).orElse(1);
    int labelWidth = 220;
    int plot = 480;
    int rowHeight = 26;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", labelWidth + plot + 60,
        offenders.size() * rowHeight + 50));
    int y = 10;
    for (Evaluation.ClassRow row : offenders) {
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 14, escape(row.label())));
      for (int v : row.minorsBeforeDetection()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"#c0392b\" fill-opacity=\"0.4\"/>",
            labelWidth + plot * (double) v / max, y + 10));
      }
      double median = Quantiles.median(row.minorsBeforeDetection());
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>",
          labelWidth + plot * median / max, labelWidth + plot * median / max, y, y + 20));
      y += rowHeight;
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        labelWidth, labelWidth + plot, y + 4, y + 4));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">0</text><text x=\"%d\" y=\"%d\" "
        + "font-size=\"12\">%d minors</text>", labelWidth, y + 20, labelWidth + plot - 40, y + 20, max));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">dots: offenders; bar: median</text>",
        labelWidth + 140, y + 20));
    return svg.append("</svg>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
