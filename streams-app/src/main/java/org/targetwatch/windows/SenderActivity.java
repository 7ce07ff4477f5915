package org.targetwatch.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.StoreSweep;
import org.targetwatch.topology.WindowSpec;
import org.targetwatch.windows.MinorTargetsInMemory.MinorTarget;

/**
 * Stage 3's state: a sender's targets inside the long window (one entry per distinct target, keyed
 * {@code sender NUL target}, so a re-delivered contact is counted once; a key-value store, so a
 * look-up costs the same however many contacts the window holds; expired by a daily sweep) and, for
 * each window, the sender's activity in time buckets (window stores, whose segments expire with the
 * window plus the grace period). The cost of an event is a fixed number of reads.
 */
public final class SenderActivity {
  private static final char SEPARATOR = '\u0000';
  /**
   * Senders whose minor targets are held in memory for their campaign candidates: those asked for
   * most recently. At a few dozen minors each, a few megabytes a task.
   */
  static final int MINOR_TARGET_SENDERS_HELD = 4_096;

  private final KeyValueStore<String, TargetEntry> targets;
  private final Map<WindowSpec, WindowStore<String, ActivityCounts>> buckets;
  private final WindowSpec longWindow;
  private final MinorTargetsInMemory minorTargets;

  public SenderActivity(
      KeyValueStore<String, TargetEntry> targets,
      Map<WindowSpec, WindowStore<String, ActivityCounts>> buckets,
      WindowSpec longWindow) {
    this(targets, buckets, longWindow, MINOR_TARGET_SENDERS_HELD);
  }

  SenderActivity(
      KeyValueStore<String, TargetEntry> targets,
      Map<WindowSpec, WindowStore<String, ActivityCounts>> buckets,
      WindowSpec longWindow,
      int minorTargetSendersHeld) {
    this.targets = targets;
    this.buckets = new LinkedHashMap<>(buckets);
    this.longWindow = longWindow;
    this.minorTargets = new MinorTargetsInMemory(minorTargetSendersHeld);
  }

  public static String targetKey(String sender, String target) {
    return sender + SEPARATOR + target;
  }

  /** The sender's entry for a target, if the target was first contacted within the long window before {@code at}. */
  public TargetEntry findTarget(String sender, String target, long at) {
    TargetEntry entry = targets.get(targetKey(sender, target));
    return entry != null && isCurrent(entry, at) ? entry : null;
  }

  private boolean isCurrent(TargetEntry entry, long at) {
    return entry.getFirstContactAt() > at - longWindow.sizeMs();
  }

  public void putTarget(String sender, TargetEntry entry) {
    targets.put(targetKey(sender, entry.getTargetId()), entry);
    minorTargets.written(sender, entry);
  }

  /** All targets of a sender with a first contact in [from, to], in key order; for evidence only. */
  public List<TargetEntry> targetsOf(String sender, long from, long to) {
    List<TargetEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, TargetEntry> it = targets.prefixScan(sender + SEPARATOR, new StringSerializer())) {
      while (it.hasNext()) {
        TargetEntry entry = it.next().value;
        if (entry.getFirstContactAt() >= from && entry.getFirstContactAt() <= to) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  /**
   * The sender's minor targets first contacted in [from, to], in key order, at most {@code limit}:
   * what {@link #targetsOf} gives of them, without reading the sender's other entries again
   * ({@link MinorTargetsInMemory}).
   */
  public List<MinorTarget> minorTargetsOf(String sender, long from, long to, int limit) {
    return minorTargets.of(sender, from, to, limit, () -> targetsOf(sender, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** Deletes the targets first contacted before {@code cutoff}: state expires with the long window. */
  public int expireTargets(long cutoff) {
    minorTargets.forgetAll();
    return StoreSweep.deleteBefore(targets, cutoff, TargetEntry::getFirstContactAt);
  }


  /**
   * Adds to the counters of the bucket holding {@code at}, in every window; returns each window's
   * bucket as it now is.
   */
  public Map<WindowSpec, ActivityCounts> count(String sender, long at, Consumer<ActivityCounts> change) {
    Map<WindowSpec, ActivityCounts> updated = new LinkedHashMap<>();
    for (Map.Entry<WindowSpec, WindowStore<String, ActivityCounts>> window : buckets.entrySet()) {
      long bucketStart = window.getKey().bucketStart(at);
      WindowStore<String, ActivityCounts> store = window.getValue();
      ActivityCounts counts = store.fetch(sender, bucketStart);
      if (counts == null) {
        counts = new ActivityCounts();
      }
      change.accept(counts);
      store.put(sender, counts, bucketStart);
      updated.put(window.getKey(), counts);
    }
    return updated;
  }

  /** The sender's figures over the window that ends with the bucket holding {@code at}. */
  public WindowFigures figures(String sender, WindowSpec window, long at) {
    WindowFigures figures = new WindowFigures();
    try (WindowStoreIterator<ActivityCounts> it =
        buckets.get(window).fetch(sender, window.windowStart(at), window.bucketStart(at))) {
      while (it.hasNext()) {
        figures.add(it.next().value);
      }
    }
    return figures;
  }

  /**
   * The sender's window ending with the bucket holding {@code at}, read once before a contact is
   * counted: the contact changes only that last bucket, so the figures after counting it follow
   * without summing the window again.
   */
  public OpenWindow open(String sender, WindowSpec window, long at) {
    long latestBucket = window.bucketStart(at);
    WindowFigures earlier = new WindowFigures();
    ActivityCounts latest = null;
    try (WindowStoreIterator<ActivityCounts> it = buckets.get(window).fetch(sender, window.windowStart(at), latestBucket)) {
      while (it.hasNext()) {
        KeyValue<Long, ActivityCounts> bucket = it.next();
        if (bucket.key == latestBucket) {
          latest = bucket.value;
        } else {
          earlier.add(bucket.value);
        }
      }
    }
    return new OpenWindow(window, earlier, latest);
  }

  /** The target accepted the sender's friend request. */
  public void recordAccepted(String sender, String target, long at) {
    recordResponse(sender, target, at, entry -> !entry.getAccepted() && mark(() -> entry.setAccepted(true)),
        counts -> counts.setAccepted(counts.getAccepted() + 1));
  }

  /** The target declined the sender's friend request; true when counted (the first decline of a target held). */
  public boolean recordDeclined(String sender, String target, long at) {
    return recordResponse(sender, target, at, entry -> !entry.getDeclined() && mark(() -> entry.setDeclined(true)),
        counts -> counts.setDeclined(counts.getDeclined() + 1));
  }

  /** The friendship between sender and target ended. */
  public void recordRemoved(String sender, String target, long at) {
    recordResponse(sender, target, at, entry -> !entry.getRemoved() && mark(() -> entry.setRemoved(true)),
        counts -> counts.setRemoved(counts.getRemoved() + 1));
  }

  /**
   * The sender messaged a minor target after it accepted the sender's request; true when this is
   * the first such message to that target (an escalation counted).
   */
  public boolean recordEscalation(String sender, String target, long at) {
    return recordResponse(sender, target, at,
        entry -> !entry.getEscalated() && entry.getAccepted() && entry.getMinor() && mark(() -> entry.setEscalated(true)),
        counts -> counts.setEscalations(counts.getEscalations() + 1));
  }

  /**
   * Records a response of a target once per target: {@code mark} returns false when the entry
   * already had it. Counted in the bucket of the response's time. Targets not contacted within the
   * long window are not counted.
   */
  private boolean recordResponse(String sender, String target, long at,
      java.util.function.Predicate<TargetEntry> mark, Consumer<ActivityCounts> count) {
    TargetEntry entry = findTarget(sender, target, at);
    if (entry == null || !mark.test(entry)) {
      return false;
    }
    putTarget(sender, entry);
    count(sender, at, count);
    return true;
  }

  private static boolean mark(Runnable change) {
    change.run();
    return true;
  }
}
