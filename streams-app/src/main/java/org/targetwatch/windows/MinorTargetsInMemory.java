package org.targetwatch.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.topology.Utf8Order;

/**
 * The minor targets of the senders whose minors were asked for most recently, kept in memory in
 * step with the targets store (docs/performance.md, "A candidate's minors"). A campaign candidate
 * lists its sender's minors at every minor it contacts; without this, each list is a scan of every
 * target entry of the sender (adults too, over the whole long window).
 *
 * <p>What it gives equals the scan's answer: the same minors, in the store's key order (the targets'
 * ids by their UTF-8 bytes), with the figures of their entries. A sender is taken in by one scan of
 * the store, then kept in step by every entry written for it ({@link #written}); the store's sweep
 * forgets everything ({@link #forgetAll}), and a sender pushed out by {@link #capacity} more recent
 * ones is scanned again when next asked for. Each task's processor holds its own, made anew when the
 * task starts, so it never outlives the state it mirrors.
 */
final class MinorTargetsInMemory {
  /** What a campaign candidate carries of one minor target: fixed when the target entry is first written. */
  record MinorTarget(String targetId, long firstContactAt, double degreePercentile, boolean stranger) {
    static MinorTarget of(TargetEntry entry) {
      return new MinorTarget(entry.getTargetId(), entry.getFirstContactAt(), entry.getDegreePercentile(),
          entry.getMutualFriends() == 0);
    }
  }

  private final int capacity;
  private final Map<String, NavigableMap<String, MinorTarget>> bySender;

  MinorTargetsInMemory(int capacity) {
    this.capacity = capacity;
    this.bySender = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<String, MinorTarget>> eldest) {
        return size() > MinorTargetsInMemory.this.capacity;
      }
    };
  }

  /**
   * The sender's minors first contacted in [from, to], in the store's key order, at most
   * {@code limit}; {@code scan} reads all the sender's entries from the store when the sender is not
   * held.
   */
  List<MinorTarget> of(String sender, long from, long to, int limit, Supplier<List<TargetEntry>> scan) {
    NavigableMap<String, MinorTarget> minors = bySender.get(sender);
    if (minors == null) {
      minors = new TreeMap<>(Utf8Order.COMPARATOR);
      for (TargetEntry entry : scan.get()) {
        if (entry.getMinor()) {
          minors.put(entry.getTargetId(), MinorTarget.of(entry));
        }
      }
      bySender.put(sender, minors);
    }
    List<MinorTarget> inWindow = new ArrayList<>();
    for (MinorTarget minor : minors.values()) {
      if (inWindow.size() == limit) {
        break;
      }
      if (minor.firstContactAt() >= from && minor.firstContactAt() <= to) {
        inWindow.add(minor);
      }
    }
    return inWindow;
  }

  /** An entry was written to the store for the sender: a held sender's minors follow it. */
  void written(String sender, TargetEntry entry) {
    NavigableMap<String, MinorTarget> minors = bySender.get(sender);
    if (minors == null) {
      return;
    }
    if (entry.getMinor()) {
      minors.put(entry.getTargetId(), MinorTarget.of(entry));
    } else {
      minors.remove(entry.getTargetId()); // a key contacted again once the target came of age
    }
  }

  /** The store swept its old entries: what is held is read again when next asked for. */
  void forgetAll() {
    bySender.clear();
  }

  int sendersHeld() {
    return bySender.size();
  }
}
