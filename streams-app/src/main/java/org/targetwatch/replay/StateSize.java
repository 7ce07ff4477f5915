package org.targetwatch.replay;

import java.util.Map;

/**
 * The detector's state once a replay has processed its last event: entries per store (window
 * stores count one entry per account and bucket) and, with RocksDB stores, their bytes on disk.
 */
public record StateSize(Map<String, Long> entriesPerStore, long diskBytes) {
  public StateSize {
    entriesPerStore = Map.copyOf(entriesPerStore);
  }

  public long entries() {
    return entriesPerStore.values().stream().mapToLong(Long::longValue).sum();
  }
}
