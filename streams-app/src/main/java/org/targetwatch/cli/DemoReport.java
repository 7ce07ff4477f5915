package org.targetwatch.cli;

import java.util.Locale;
import org.targetwatch.demo.Demo;
import org.targetwatch.schema.Severity;

/** The demo's closing summary. */
final class DemoReport {
  private DemoReport() {}

  static String format(Demo.Summary s) {
    StringBuilder text = new StringBuilder("\n[demo] summary").append(s.stoppedEarly() ? " (stopped early)" : "").append('\n');
    text.append(String.format(Locale.ROOT, "  events sent: %,d", s.eventsSent()));
    if (s.simulation() != null) {
      text.append(String.format(Locale.ROOT, " (%,d profiles, %,d friend requests, %,d messages)",
          s.simulation().profiles(), s.simulation().friendRequests(), s.simulation().messages()));
    }
    text.append('\n').append(String.format(Locale.ROOT, "  alerts: %,d —", s.alerts()));
    for (Severity severity : Severity.values()) {
      text.append(' ').append(severity).append(' ').append(s.alertsBySeverity().getOrDefault(severity, 0L));
    }
    text.append('\n');
    if (!s.detectionTable().isEmpty()) {
      text.append("  accounts alerted at MEDIUM or above, per simulated behaviour:\n").append(s.detectionTable());
    }
    if (!s.drained() && !s.stoppedEarly()) {
      text.append("  (the detector had not caught up when the demo ended: figures may be incomplete)\n");
    }
    text.append(String.format(Locale.ROOT, "  took %.1f s (detector running after %.1f s)%n", s.elapsed().toMillis() / 1000.0,
        s.startup() == null ? -1 : s.startup().toMillis() / 1000.0));
    return text.toString();
  }
}
