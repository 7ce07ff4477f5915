package org.targetwatch.demo;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Per behaviour class of the simulator: how many accounts were alerted at MEDIUM or above, of how many. */
final class DetectionTable {
  private static final String ORDINARY = org.targetwatch.simulator.BehaviourClass.ORDINARY.label();
  private DetectionTable() {}

  static String format(Map<String, String> labels, Set<String> alertedAtMediumOrAbove) {
    Map<String, int[]> byClass = new TreeMap<>();
    labels.forEach((account, label) -> {
      int[] counts = byClass.computeIfAbsent(label, l -> new int[2]);
      counts[1]++;
      if (alertedAtMediumOrAbove.contains(account)) {
        counts[0]++;
      }
    });
    StringBuilder table = new StringBuilder(String.format("  %-32s %9s %7s%n", "class", "alerted", "total"));
    byClass.forEach((label, counts) -> {
      if (!label.equals(ORDINARY) || counts[0] > 0) {
        table.append(String.format("  %-32s %9d %7d%n", label, counts[0], counts[1]));
      }
    });
    int[] ordinary = byClass.getOrDefault(ORDINARY, new int[2]);
    table.append(String.format("  (%,d ordinary accounts, %d of them alerted)%n", ordinary[1], ordinary[0]));
    return table.toString();
  }
}
