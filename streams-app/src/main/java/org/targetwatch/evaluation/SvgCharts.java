package org.targetwatch.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.targetwatch.schema.Severity;

/**
 * The report's plots, written as inline SVG by hand: one row per class, a labelled x axis under
 * each plot. Offender classes are red, benign ones blue, everywhere.
 */
final class SvgCharts {
  private static final int WIDTH = 900;
  private static final int PLOT_LEFT = 230;
  private static final int PLOT_RIGHT = 800;
  private static final int ROW = 28;
  private static final int TOP = 34;
  private static final int BOTTOM = 56;
  static final String OFFENDER_COLOUR = "#c0392b";
  static final String BENIGN_COLOUR = "#2471a3";

  private SvgCharts() {}

  /** Share of each class alerted at the floor (dark) and at any severity (light), with the 5% benign target. */
  static String shareAlerted(List<DetectionTable.ClassRow> rows, Severity floor) {
    Canvas c = new Canvas(rows.size(), "Share of each class's accounts alerted");
    Scale x = new Scale(0, 1);
    c.gridAndAxis(x, new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, v -> Figures.count(v * 100) + "%",
        "share of the class's accounts alerted (dark: at " + floor + " and above; light: at any severity)");
    c.verticalMarker(x.at(DetectionTable.BENIGN_TARGET_SHARE), "benign target 5%");
    for (int i = 0; i < rows.size(); i++) {
      DetectionTable.ClassRow row = rows.get(i);
      int y = c.rowLabel(i, row);
      String colour = colour(row);
      c.add("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" fill-opacity=\"0.3\"/>", PLOT_LEFT, y - 8,
          x.width(row.shareAtAnySeverity()), colour);
      c.add("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", PLOT_LEFT, y - 8, x.width(row.shareAtFloor()),
          colour);
      c.rightNote(y, row.alertedAtFloor() + " / " + Figures.thousands(row.accounts()));
    }
    return c.close();
  }

  /** Strip plot of the highest alert score of each alerted account, per class, with the severity cut-offs. */
  static String scoreStrip(List<DetectionTable.ClassRow> rows, Map<Severity, Double> cutOffs) {
    Canvas c = new Canvas(rows.size(), "Highest alert score per alerted account");
    Scale x = new Scale(0, 1);
    c.gridAndAxis(x, new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, v -> String.format(Locale.ROOT, "%.1f", v),
        "highest alert score of the account (0..1); dashed: severity cut-offs");
    cutOffs.forEach((severity, score) -> c.verticalMarker(x.at(score), severity.name()));
    for (int i = 0; i < rows.size(); i++) {
      DetectionTable.ClassRow row = rows.get(i);
      int y = c.rowLabel(i, row);
      List<Double> scores = row.highestScores();
      if (scores.size() >= 5) {
        c.box(x, Quantiles.quartiles(scores), y, colour(row));
      }
      for (int k = 0; k < scores.size(); k++) {
        c.add("<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"%s\" fill-opacity=\"0.55\"/>", x.at(scores.get(k)),
            y + jitter(k), colour(row));
      }
      c.rightNote(y, "n = " + scores.size());
    }
    return c.close();
  }

  /** Box plot per offender class of the minors contacted before the first alert at the floor; p90 as a diamond. */
  static String timeToDetect(List<DetectionTable.ClassRow> rows, Severity floor) {
    List<DetectionTable.ClassRow> offenders = rows.stream().filter(DetectionTable.ClassRow::offender).toList();
    Canvas c = new Canvas(offenders.size(), "Minors contacted before the first " + floor + "+ alert, per offender class");
    int max = Math.max(12, offenders.stream().flatMap(r -> r.minorsBeforeDetection().stream()).mapToInt(v -> v).max().orElse(0));
    Scale x = new Scale(0, max);
    int step = max <= 20 ? 2 : max <= 50 ? 5 : max <= 100 ? 10 : 50;
    double[] ticks = new double[max / step + 1];
    for (int k = 0; k < ticks.length; k++) {
      ticks[k] = k * step;
    }
    c.gridAndAxis(x, ticks, Figures::count,
        "distinct minors the offender had contacted up to its first " + floor + "+ alert (box: quartiles, bar: median, "
            + "diamond: p90, whiskers: min-max)");
    c.verticalMarker(x.at(10), "target: median <= 10");
    for (int i = 0; i < offenders.size(); i++) {
      DetectionTable.ClassRow row = offenders.get(i);
      int y = c.rowLabel(i, row);
      List<Integer> costs = row.minorsBeforeDetection();
      if (!costs.isEmpty()) {
        double min = costs.stream().mapToInt(v -> v).min().orElseThrow();
        double top = costs.stream().mapToInt(v -> v).max().orElseThrow();
        c.add("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#555\"/>", x.at(min), x.at(top), y, y);
        c.box(x, Quantiles.quartiles(costs), y, OFFENDER_COLOUR);
        double p90 = row.p90MinorsBeforeDetection();
        c.add("<path d=\"M %.1f %d l 6 6 l -6 6 l -6 -6 z\" fill=\"black\"/>", x.at(p90), y - 6);
        for (int k = 0; k < costs.size(); k++) {
          c.add("<circle cx=\"%.1f\" cy=\"%d\" r=\"2.5\" fill=\"%s\" fill-opacity=\"0.5\"/>", x.at(costs.get(k)),
              y + jitter(k), OFFENDER_COLOUR);
        }
      }
      c.rightNote(y, row.neverDetected() == 0 ? "all detected" : row.neverDetected() + " never detected");
    }
    return c.close();
  }

  /** One row per world: precision (dark) and recall (light) as bars, with the 0.95 targets. */
  static String perWorld(List<WorldResult> worlds) {
    Canvas c = new Canvas(worlds.size(), "Precision and recall per world");
    Scale x = new Scale(0, 1);
    c.gridAndAxis(x, new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, v -> String.format(Locale.ROOT, "%.1f", v),
        "upper bar: precision; lower bar: recall (a missing bar: undefined, e.g. nothing alerted)");
    c.verticalMarker(x.at(0.95), "target 0.95");
    for (int i = 0; i < worlds.size(); i++) {
      WorldResult w = worlds.get(i);
      int y = c.rowLabel(i, "seed " + w.seed(), "#333");
      if (!Double.isNaN(w.precision())) {
        c.add("<rect class=\"precision\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"%s\"/>", PLOT_LEFT, y - 9,
            x.width(w.precision()), BENIGN_COLOUR);
      }
      if (!Double.isNaN(w.recall())) {
        c.add("<rect class=\"recall\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"%s\"/>", PLOT_LEFT, y + 1,
            x.width(w.recall()), OFFENDER_COLOUR);
      }
      c.rightNote(y - 5, "P " + Figures.ratio(w.precision()));
      c.rightNote(y + 5, "R " + Figures.ratio(w.recall()));
    }
    return c.close();
  }

  /**
   * A binned rate against a strength as vertical bars, one per bin, each labelled with its counts
   * ("12 / 40") so that a bin of few accounts is seen as such; an empty bin has no bar.
   *
   * @param target a horizontal dashed line at this share (NaN: none)
   */
  static String binnedRate(StrengthCurve curve, String title, String colour, double target, String targetLabel) {
    int width = 640;
    int left = 70;
    int right = 610;
    int top = 40;
    int plotHeight = 200;
    int bottom = top + plotHeight;
    int height = bottom + 70;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\"><title>%s</title>",
        width, height, width, height, HtmlReport.escape(title)));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-weight=\"bold\">%s</text>", left,
        HtmlReport.escape(title)));
    for (int k = 0; k <= 4; k++) {
      double share = k / 4.0;
      double y = bottom - plotHeight * share;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left, right, y, y, left - 6, y + 4,
          Figures.count(share * 100) + "%"));
    }
    List<StrengthCurve.Bin> bins = curve.bins();
    double slot = bins.isEmpty() ? 0 : (right - left) / (double) bins.size();
    for (int i = 0; i < bins.size(); i++) {
      StrengthCurve.Bin bin = bins.get(i);
      double x = left + i * slot;
      if (bin.accounts() > 0) {
        double h = plotHeight * bin.share();
        svg.append(String.format(Locale.ROOT, "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            + "fill=\"%s\" fill-opacity=\"0.8\"><title>%s</title></rect>", x + slot * 0.15, bottom - h, slot * 0.7, h, colour,
            HtmlReport.escape(bin.counted() + " of " + bin.accounts() + " " + curve.rate())));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
          x + slot / 2, bottom - (bin.accounts() > 0 ? plotHeight * bin.share() : 0) - 5,
          HtmlReport.escape(bin.counted() + " / " + bin.accounts())));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + slot / 2,
          bottom + 18, HtmlReport.escape(decimal(bin.from()) + " to " + decimal(bin.to()))));
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, right,
        bottom, bottom));
    if (!Double.isNaN(target)) {
      double y = bottom - plotHeight * target;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#7f8c8d\" "
          + "stroke-dasharray=\"4,3\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">%s</text>",
          left, right, y, y, right, y - 4, HtmlReport.escape(targetLabel)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-style=\"italic\">%s</text>",
        (left + right) / 2, bottom + 45, HtmlReport.escape(curve.parameter() + " (labels parameter; bar label: "
            + curve.rate() + " / accounts in the bin, all worlds)")));
    return svg.append("</svg>").toString();
  }

  private static String decimal(double value) {
    return Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String colour(DetectionTable.ClassRow row) {
    return row.offender() ? OFFENDER_COLOUR : BENIGN_COLOUR;
  }

  /** A small, repeatable vertical spread so that equal values do not hide each other. */
  private static int jitter(int index) {
    return (index * 7) % 11 - 5;
  }

  /** Linear map from data values to x pixels of the plot area. */
  private record Scale(double from, double to) {
    double at(double value) {
      double clamped = Math.max(from, Math.min(to, value));
      return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (clamped - from) / (to - from);
    }

    double width(double value) {
      return at(value) - PLOT_LEFT;
    }
  }

  /** One SVG element being written. */
  private static final class Canvas {
    private final StringBuilder svg = new StringBuilder();
    private final int rows;
    private final int height;

    Canvas(int rows, String title) {
      this.rows = rows;
      this.height = TOP + rows * ROW + BOTTOM;
      svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
          + "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\"><title>%s</title>",
          WIDTH, height, WIDTH, height, HtmlReport.escape(title)));
      // banded rows first, so that the grid and the markers are drawn over them
      for (int index = 0; index < rows; index += 2) {
        add("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6f7\"/>", TOP + index * ROW, WIDTH, ROW);
      }
    }

    void add(String format, Object... args) {
      svg.append(String.format(Locale.ROOT, format, args));
    }

    /** Writes the class name at the left of row {@code index}; returns the row's centre line. */
    int rowLabel(int index, DetectionTable.ClassRow row) {
      return rowLabel(index, row.label(), colour(row));
    }

    int rowLabel(int index, String text, String colour) {
      int y = TOP + index * ROW + ROW / 2;
      add("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>", PLOT_LEFT - 10, y + 4, colour,
          HtmlReport.escape(text));
      return y;
    }

    void rightNote(int y, String text) {
      add("<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>", PLOT_RIGHT + 10, y + 4, HtmlReport.escape(text));
    }

    void gridAndAxis(Scale x, double[] ticks, java.util.function.DoubleFunction<String> tickLabel, String axisTitle) {
      int axisY = TOP + rows * ROW;
      svg.append("<g class=\"grid\">");
      for (double t : ticks) {
        add("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#e0e0e0\"/>", x.at(t), x.at(t), TOP, axisY);
      }
      svg.append("</g><g class=\"axis\">");
      add("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", PLOT_LEFT, PLOT_RIGHT, axisY, axisY);
      for (double t : ticks) {
        add("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x.at(t), x.at(t), axisY, axisY + 5);
        add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.at(t), axisY + 18,
            HtmlReport.escape(tickLabel.apply(t)));
      }
      add("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-style=\"italic\">%s</text>", (PLOT_LEFT + PLOT_RIGHT) / 2,
          axisY + 40, HtmlReport.escape(axisTitle));
      svg.append("</g>");
    }

    void verticalMarker(double px, String label) {
      add("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#7f8c8d\" stroke-dasharray=\"4,3\"/>", px, px, TOP - 6,
          TOP + rows * ROW);
      add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">%s</text>", px, TOP - 10,
          HtmlReport.escape(label));
    }

    void box(Scale x, double[] quartiles, int y, String colour) {
      add("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" fill-opacity=\"0.15\" stroke=\"%s\"/>",
          x.at(quartiles[0]), y - 8, Math.max(1, x.at(quartiles[2]) - x.at(quartiles[0])), colour, colour);
      add("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2.5\"/>", x.at(quartiles[1]),
          x.at(quartiles[1]), y - 9, y + 9);
    }

    String close() {
      return svg.append("</svg>").toString();
    }
  }
}
