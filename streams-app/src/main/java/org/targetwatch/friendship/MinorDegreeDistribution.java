package org.targetwatch.friendship;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A degree distribution of minors (all minors, or one band's: {@link MinorDegreesByBand}), so that
 * "high degree" is relative to the platform: a histogram with exact buckets up to 1023 friends and
 * power-of-two buckets above, plus the number of known accounts (kept in the all-minors one). Each task keeps the distribution of the accounts of its own partitions; accounts
 * are spread over partitions by a hash of their id, so each task's histogram is a random sample of
 * the population's and estimates its quantiles (docs/detection.md, "degree preference").
 *
 * <p>The whole histogram is one store value: the processors of a task that read and write it are
 * separate instances, and the store is the one place they share. The store's record cache keeps
 * the many updates between two commits to one changelog write.
 *
 * <p>The store holds the value as {@link HistogramSerde} bytes, and each instance keeps the
 * histogram it last decoded with the bytes it came from: every contact asks for a snapshot, but the
 * histogram changes far less often, so a read decodes again only when the stored bytes differ
 * (usually the very same array, handed back by the record cache or the in-memory store).
 *
 * <p>Two processors of a task change it (each endpoint's side of a friendship), so the stored
 * bytes are often the ones the other instance just wrote. Each write registers its array with the
 * histogram it encodes ({@link #DECODED_BY_ENCODING}, by array identity), and an instance finding
 * that array in the store takes that histogram instead of decoding: the instances of a task then
 * share one array of counts, changed in place by whichever writes. The registration stays true for
 * the array that is stored: the counts are changed only together with writing a new array, and an
 * older array never becomes the stored value again without the processors starting afresh (a
 * restore deserializes new arrays).
 */
public final class MinorDegreeDistribution {
  static final int EXACT_BUCKETS = 1024;
  static final int BUCKETS = EXACT_BUCKETS + 22;
  /** Slot 0 holds the number of known accounts; slots 1.. the buckets. */
  static final int KNOWN_ACCOUNTS = 0;
  /** The key of the all-minors histogram; each minor band's is {@code minors.<band>} ({@link MinorDegreesByBand}). */
  static final String KEY = "minors";

  /** The counts each written array encodes, while the array is alive (weak keys, identity: arrays do not override equals). */
  private static final Map<byte[], long[]> DECODED_BY_ENCODING = Collections.synchronizedMap(new WeakHashMap<>());

  private final KeyValueStore<String, byte[]> store;
  private final String key;
  /** The stored bytes that {@link #slots} was decoded from (or encoded to); null before the first read. */
  private byte[] decodedFrom;
  private long[] slots;
  /** The snapshot of {@link #slots}, made on the first question after a change. */
  private Snapshot snapshot;

  public MinorDegreeDistribution(KeyValueStore<String, byte[]> store) {
    this(store, KEY);
  }

  /** The histogram stored under {@code key}. */
  public MinorDegreeDistribution(KeyValueStore<String, byte[]> store, String key) {
    this.store = store;
    this.key = key;
  }

  static int bucketOf(int degree) {
    if (degree < EXACT_BUCKETS) {
      return Math.max(degree, 0);
    }
    int log2 = 31 - Integer.numberOfLeadingZeros(degree); // >= 10
    return Math.min(BUCKETS - 1, EXACT_BUCKETS + log2 - 10);
  }

  static int lowestDegreeOf(int bucket) {
    return bucket < EXACT_BUCKETS ? bucket : 1 << (bucket - EXACT_BUCKETS + 10);
  }

  /** Brings {@link #slots} in step with the store, decoding only when the stored bytes changed. */
  private void load() {
    byte[] stored = store.get(key);
    if (slots != null && (stored == decodedFrom || Arrays.equals(stored, decodedFrom))) {
      return;
    }
    long[] written = stored == null ? null : DECODED_BY_ENCODING.get(stored);
    long[] decoded = written != null ? written : HistogramSerde.decode(stored);
    slots = decoded != null && decoded.length == BUCKETS + 1 ? decoded : new long[BUCKETS + 1];
    decodedFrom = stored;
    snapshot = null;
  }

  public void addMinor(int degree) {
    change(bucketOf(degree), -1, 0);
  }

  public void removeMinor(int degree) {
    change(-1, bucketOf(degree), 0);
  }

  public void moveMinor(int fromDegree, int toDegree) {
    int from = bucketOf(fromDegree);
    int to = bucketOf(toDegree);
    if (from != to) {
      change(to, from, 0);
    }
  }

  public void adjustKnownAccounts(int delta) {
    change(-1, -1, delta);
  }

  private void change(int addTo, int removeFrom, int knownDelta) {
    load();
    if (addTo >= 0) {
      slots[addTo + 1]++;
    }
    if (removeFrom >= 0) {
      slots[removeFrom + 1] = Math.max(0, slots[removeFrom + 1] - 1);
    }
    slots[KNOWN_ACCOUNTS] = Math.max(0, slots[KNOWN_ACCOUNTS] + knownDelta);
    byte[] encoded = HistogramSerde.reencode(decodedFrom, slots, KNOWN_ACCOUNTS, addTo + 1, removeFrom + 1);
    store.put(key, encoded);
    DECODED_BY_ENCODING.put(encoded, slots);
    decodedFrom = encoded;
    snapshot = null;
  }

  /** The distribution as it is now, for the questions a contact asks of it. */
  public Snapshot snapshot() {
    load();
    if (snapshot == null) {
      snapshot = new Snapshot(slots);
    }
    return snapshot;
  }

  /** An immutable view with the cumulative counts and the upper quartile computed once. */
  public static final class Snapshot {
    private final long[] counts = new long[BUCKETS];
    private final long[] below = new long[BUCKETS + 1];
    private final long knownAccounts;
    private final long minors;
    private final double upperQuartile;

    Snapshot(long[] slots) {
      knownAccounts = slots[KNOWN_ACCOUNTS];
      long running = 0;
      for (int b = 0; b < BUCKETS; b++) {
        counts[b] = slots[b + 1];
        below[b] = running;
        running += counts[b];
      }
      below[BUCKETS] = running;
      minors = running;
      upperQuartile = quartileAt(0.75);
    }

    public long minors() {
      return minors;
    }

    /** Share of minors among known accounts; 0 when nothing is known. */
    public double minorShare() {
      return knownAccounts == 0 ? 0.0 : Math.min(1.0, (double) minors / knownAccounts);
    }

    /**
     * Mid-rank of a degree among minors, 0..1: the share of minors with a lower degree plus half of
     * those with the same. A contact chosen without regard to degree has an expected mid-rank of 0.5.
     */
    public double percentileOf(int degree) {
      if (minors == 0) {
        return 0.5;
      }
      int bucket = bucketOf(degree);
      return (below[bucket] + 0.5 * counts[bucket]) / minors;
    }

    /** The degree at the population's upper quartile (75th percentile). */
    public double upperQuartile() {
      return upperQuartile;
    }

    private double quartileAt(double share) {
      if (minors == 0) {
        return 0;
      }
      double rank = share * minors;
      for (int b = 0; b < BUCKETS; b++) {
        if (below[b + 1] >= rank) {
          return lowestDegreeOf(b);
        }
      }
      return lowestDegreeOf(BUCKETS - 1);
    }
  }
}
