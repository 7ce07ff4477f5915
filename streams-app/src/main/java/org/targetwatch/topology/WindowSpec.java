package org.targetwatch.topology;

import java.time.Duration;

/**
 * One sliding event-time window of a sender's contacts, kept as {@code buckets} time buckets so that
 * an event costs the same however many contacts the window holds (the window slides by one bucket).
 */
public record WindowSpec(String name, Duration size, int buckets) {
  public WindowSpec {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("window name must be lower-case letters, digits or '-': " + name);
    }
    if (size == null || size.toMillis() <= 0) {
      throw new IllegalArgumentException("window '" + name + "' needs a positive size");
    }
    if (buckets < 1 || buckets > 1000 || size.toMillis() % buckets != 0) {
      throw new IllegalArgumentException(
          "window '" + name + "' of " + size + " cannot be cut into " + buckets + " equal buckets (1..1000)");
    }
  }

  public long sizeMs() {
    return size.toMillis();
  }

  public long bucketMs() {
    return sizeMs() / buckets;
  }

  public long bucketStart(long timestamp) {
    return Math.floorDiv(timestamp, bucketMs()) * bucketMs();
  }

  /** Start of the window that ends with (and includes) the bucket holding {@code timestamp}. */
  public long windowStart(long timestamp) {
    return bucketStart(timestamp) - (buckets - 1) * bucketMs();
  }
}
