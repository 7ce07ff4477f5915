package org.targetwatch.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.targetwatch.schema.Severity;

/** What the detector counted during a scenario, by name ({@code held-back}, {@code verdict CLEARED applied}, ...). */
final class CountingMetrics implements DetectorMetrics {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  int count(String name) {
    return counts.getOrDefault(name, 0);
  }

  private void add(String name) {
    counts.merge(name, 1, Integer::sum);
  }

  @Override
  public void safetyReport(String outcome) {
    add("report " + outcome);
  }

  @Override
  public void verdict(String verdict, String outcome) {
    add("verdict " + verdict + " " + outcome);
  }

  @Override
  public void alertHeldBack(Severity severity) {
    add("held-back");
  }

  @Override
  public void messageWaited() {
    add("waited");
  }

  @Override
  public void gapsWaitedPast(long missing) {
    counts.merge("gaps waited past", (int) missing, Integer::sum);
  }

  @Override
  public void arrivedAfterWaitedPast() {
    add("arrived after waited past");
  }

  @Override
  public void alert(Severity severity) {
    add("alert");
  }
}
