package org.targetwatch.windows;

import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/**
 * A sender's window as read just before a new contact is counted: the sum of its earlier buckets,
 * and its latest bucket (the one holding the contact; null when it has no counts yet). Counting the
 * contact changes only the latest bucket.
 */
public record OpenWindow(WindowSpec window, WindowFigures earlierBuckets, ActivityCounts latestBucket) {

  /** Distinct targets in the window before the contact. */
  public int targets() {
    return earlierBuckets.targets() + (latestBucket == null ? 0 : latestBucket.getTargets());
  }

  /** The degrees of the window's distinct targets before the contact, added up. */
  public long targetDegreeSum() {
    return earlierBuckets.targetDegreeSum() + (latestBucket == null ? 0 : latestBucket.getTargetDegreeSum());
  }

  /**
   * The window's figures once the latest bucket holds {@code updatedLatestBucket}: the same sums,
   * added in the same order (earlier buckets first), as {@link SenderActivity#figures} gives.
   */
  public WindowFigures figuresWith(ActivityCounts updatedLatestBucket) {
    WindowFigures figures = earlierBuckets.copy();
    figures.add(updatedLatestBucket);
    return figures;
  }
}
