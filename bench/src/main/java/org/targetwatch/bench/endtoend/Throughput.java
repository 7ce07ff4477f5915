package org.targetwatch.bench.endtoend;


import java.time.Duration;
import java.util.Locale;

/** How many events one phase of a benchmark handled and how long it took. */
public record Throughput(String phase, long events, Duration elapsed) {
  public double eventsPerSecond() {
    return events / Math.max(1e-9, elapsed.toNanos() / 1e9);
  }

  public String line() {
    return String.format(Locale.ROOT, "%-44s %,12d events %9.1f s %,12.0f events/s", phase, events,
        elapsed.toMillis() / 1000.0, eventsPerSecond());
  }
}
