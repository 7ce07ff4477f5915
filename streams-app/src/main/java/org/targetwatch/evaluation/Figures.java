package org.targetwatch.evaluation;

import java.util.Locale;

/** How the reports write numbers: the same in the Markdown table and the HTML page. */
final class Figures {
  private Figures() {}

  /** A ratio to three decimals, or "n/a" when it is undefined. */
  static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A share as a percentage; one decimal, two below 1% so that 1 in 3,000 does not read as 0. */
  static String percent(double share) {
    double pct = share * 100;
    return String.format(Locale.ROOT, pct > 0 && pct < 1 ? "%.2f%%" : "%.1f%%", pct);
  }

  /** A count that may be a half (a median of an even sample), or "-" when there is no sample. */
  static String count(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String thousands(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Median / p90 of the minors contacted before detection, or "-" when no offender of the row was detected. */
  static String timeToDetect(DetectionTable.ClassRow row) {
    return row.minorsBeforeDetection().isEmpty() ? "-"
        : count(row.medianMinorsBeforeDetection()) + " / " + count(row.p90MinorsBeforeDetection());
  }
}
