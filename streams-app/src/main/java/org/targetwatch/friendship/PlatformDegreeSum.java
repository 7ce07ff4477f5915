package org.targetwatch.friendship;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sum of the degrees of the task's accounts (twice its share of the platform's friendships): with
 * the number of partitions it estimates the platform's, which says how often two accounts of given
 * degrees are friends by chance (docs/detection.md, "Targets who know each other"). Accounts are
 * spread over partitions by a hash of their id, so each task's sum is a random sample's.
 *
 * <p>Kept as eight bytes under {@link #KEY} in the store of the minors' degree histograms. Versions
 * before it did not keep it: the first change or question of this version counts it once from the
 * task's friend sets.
 */
public final class PlatformDegreeSum {
  static final String KEY = "accounts.degree-sum";

  private final KeyValueStore<String, byte[]> store;
  private final LongSupplier countFromFriendSets;

  /** @param countFromFriendSets the sum of the degrees of the task's stored friend sets, counted once after an upgrade */
  public PlatformDegreeSum(KeyValueStore<String, byte[]> store, LongSupplier countFromFriendSets) {
    this.store = store;
    this.countFromFriendSets = countFromFriendSets;
  }

  /** The task's sum of degrees. Call before the friend set changes, then {@link #change} by the degree's change. */
  public long taskSum() {
    byte[] stored = store.get(KEY);
    if (stored == null || stored.length != Long.BYTES) {
      long counted = countFromFriendSets.getAsLong();
      write(counted);
      return counted;
    }
    return ByteBuffer.wrap(stored).getLong();
  }

  /** Adds an account's change of degree; called before its changed friend set is stored. */
  public void change(int degreeDelta) {
    if (degreeDelta != 0) {
      write(Math.max(0, taskSum() + degreeDelta));
    }
  }

  private void write(long sum) {
    store.put(KEY, ByteBuffer.allocate(Long.BYTES).putLong(sum).array());
  }
}
