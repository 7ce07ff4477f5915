package org.targetwatch.friendship;

import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.AgeBand;

/**
 * The degree distribution of all minors and of each minor age band, so that "high degree" is
 * relative to the platform and to the target's own age (DESIGN.md: younger children have fewer
 * friends, so an offender after the most popular under-13s picks children who look average against
 * all minors): histograms with exact buckets up to 1023 friends and power-of-two buckets above, one
 * for all minors and one per band, plus the number of known accounts. Each task keeps the distribution of the accounts of its own partitions; accounts
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
 *
 * <p>Versions before the bands stored the all-minors histogram alone; such a value is taken as it
 * is and the bands are counted once from the task's profiles and friends ({@link BandCounts}),
 * after which the stored value has the bands. Until then (or with no source of counts), the rank
 * among all minors stands for the rank within a band.
 */
public final class MinorDegreeDistribution {
  static final int EXACT_BUCKETS = 1024;
  static final int BUCKETS = EXACT_BUCKETS + 22;
  /** The minor bands with a histogram of their own, in the order of their sections. */
  static final List<AgeBand> BANDS = List.of(AgeBand.UNDER_13, AgeBand.AGE_13_15, AgeBand.AGE_16_17);
  /** Slot 0 holds the number of known accounts; then the all-minors buckets, then each band's. */
  static final int KNOWN_ACCOUNTS = 0;
  static final int ALL_MINORS = 0;
  static final int SLOTS = 1 + (1 + BANDS.size()) * BUCKETS + 1;
  /** The last slot is 1 once the bands' histograms count every minor the all-minors one counts. */
  static final int BANDS_IN_STEP = SLOTS - 1;
  /** The length of the value versions before the bands wrote: the number of known accounts and the all-minors buckets. */
  static final int ALL_MINORS_ONLY_SLOTS = 1 + BUCKETS;
  /**
   * A band's rank is blended with the rank among all minors in proportion n / (n + this), over the
   * n minors of the band the task counts: a band of a few dozen minors says little on its own.
   */
  static final double BAND_PRIOR_MINORS = 50;
  static final String KEY = "minors";

  /** The minors of the task by band and degree, counted once when a stored value has no bands yet. */
  @FunctionalInterface
  public interface BandCounts {
    /** Calls {@code minor} with the band and degree of every counted minor. */
    void forEachMinor(java.util.function.ObjIntConsumer<AgeBand> minor);
  }

  /** The counts each written array encodes, while the array is alive (weak keys, identity: arrays do not override equals). */
  private static final Map<byte[], long[]> DECODED_BY_ENCODING = Collections.synchronizedMap(new WeakHashMap<>());

  private final KeyValueStore<String, byte[]> store;
  private final BandCounts bandCounts;
  /** The stored bytes that {@link #slots} was decoded from (or encoded to); null before the first read. */
  private byte[] decodedFrom;
  private long[] slots;
  /** The snapshot of {@link #slots}, made on the first question after a change. */
  private Snapshot snapshot;

  /** A distribution without a source of band counts: a value without bands ranks by all minors. */
  public MinorDegreeDistribution(KeyValueStore<String, byte[]> store) {
    this(store, null);
  }

  public MinorDegreeDistribution(KeyValueStore<String, byte[]> store, BandCounts bandCounts) {
    this.store = store;
    this.bandCounts = bandCounts;
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

  /** The section of a minor band's histogram (1..), or -1 for a band that is not a minor's. */
  static int sectionOf(AgeBand band) {
    int index = BANDS.indexOf(band);
    return index < 0 ? -1 : index + 1;
  }

  /** The slot of a bucket in a section (0 all minors, 1.. the bands). */
  static int slotOf(int section, int bucket) {
    return 1 + section * BUCKETS + bucket;
  }

  /** Brings {@link #slots} in step with the store, decoding only when the stored bytes changed. */
  private void load() {
    byte[] stored = store.get(KEY);
    if (slots != null && (stored == decodedFrom || Arrays.equals(stored, decodedFrom))) {
      return;
    }
    long[] written = stored == null ? null : DECODED_BY_ENCODING.get(stored);
    long[] decoded = written != null ? written : HistogramSerde.decode(stored);
    decodedFrom = stored;
    snapshot = null;
    if (decoded != null && decoded.length == SLOTS) {
      slots = decoded;
    } else if (decoded != null && decoded.length == ALL_MINORS_ONLY_SLOTS) {
      slots = Arrays.copyOf(decoded, SLOTS);
      countBands();
    } else {
      slots = new long[SLOTS];
      slots[BANDS_IN_STEP] = 1; // nothing counted: the bands count all of it
    }
  }

  /** A value of the versions before the bands: the bands counted once from the task's minors. */
  private void countBands() {
    if (bandCounts == null) {
      return;
    }
    bandCounts.forEachMinor((band, degree) -> {
      int section = sectionOf(band);
      if (section > 0) {
        slots[slotOf(section, bucketOf(degree))]++;
      }
    });
    slots[BANDS_IN_STEP] = 1;
    write(HistogramSerde.encode(slots));
  }

  public void addMinor(AgeBand band, int degree) {
    int bucket = bucketOf(degree);
    change(band, bucket, -1, 0);
  }

  public void removeMinor(AgeBand band, int degree) {
    change(band, -1, bucketOf(degree), 0);
  }

  public void moveMinor(AgeBand band, int fromDegree, int toDegree) {
    int from = bucketOf(fromDegree);
    int to = bucketOf(toDegree);
    if (from != to) {
      change(band, to, from, 0);
    }
  }

  public void adjustKnownAccounts(int delta) {
    change(null, -1, -1, delta);
  }

  private void change(AgeBand band, int addTo, int removeFrom, int knownDelta) {
    load();
    int section = band == null ? -1 : sectionOf(band);
    int[] changed = new int[5];
    int n = 0;
    changed[n++] = KNOWN_ACCOUNTS;
    slots[KNOWN_ACCOUNTS] = Math.max(0, slots[KNOWN_ACCOUNTS] + knownDelta);
    for (int s : section > 0 ? new int[] {ALL_MINORS, section} : new int[] {ALL_MINORS}) {
      if (addTo >= 0) {
        changed[n++] = slotOf(s, addTo);
        slots[slotOf(s, addTo)]++;
      }
      if (removeFrom >= 0) {
        int slot = slotOf(s, removeFrom);
        changed[n++] = slot;
        slots[slot] = Math.max(0, slots[slot] - 1);
      }
    }
    write(HistogramSerde.reencode(decodedFrom, slots, Arrays.copyOf(changed, n)));
  }

  private void write(byte[] encoded) {
    store.put(KEY, encoded);
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

  /** The cumulative counts of one section's buckets: the counts, and how many lie below each bucket. */
  private static final class Ranks {
    private final long[] counts = new long[BUCKETS];
    private final long[] below = new long[BUCKETS + 1];
    private final long total;

    Ranks(long[] slots, int section) {
      long running = 0;
      for (int b = 0; b < BUCKETS; b++) {
        counts[b] = slots[slotOf(section, b)];
        below[b] = running;
        running += counts[b];
      }
      below[BUCKETS] = running;
      total = running;
    }

    double midRankOf(int degree) {
      if (total == 0) {
        return 0.5;
      }
      int bucket = bucketOf(degree);
      return (below[bucket] + 0.5 * counts[bucket]) / total;
    }

    double quantileAt(double share) {
      if (total == 0) {
        return 0;
      }
      double rank = share * total;
      for (int b = 0; b < BUCKETS; b++) {
        if (below[b + 1] >= rank) {
          return lowestDegreeOf(b);
        }
      }
      return lowestDegreeOf(BUCKETS - 1);
    }
  }

  /**
   * An immutable view: the all-minors ranks and the upper quartile computed once, a band's ranks on
   * the first question about that band.
   */
  public static final class Snapshot {
    private final long[] slots;
    private final Ranks all;
    private final Ranks[] bands = new Ranks[BANDS.size() + 1];
    private final long knownAccounts;
    private final double upperQuartile;

    Snapshot(long[] slots) {
      this.slots = slots.clone();
      knownAccounts = slots[KNOWN_ACCOUNTS];
      all = new Ranks(this.slots, ALL_MINORS);
      upperQuartile = all.quantileAt(0.75);
    }

    public long minors() {
      return all.total;
    }

    /** Share of minors among known accounts; 0 when nothing is known. */
    public double minorShare() {
      return knownAccounts == 0 ? 0.0 : Math.min(1.0, (double) all.total / knownAccounts);
    }

    /**
     * Mid-rank of a degree among minors, 0..1: the share of minors with a lower degree plus half of
     * those with the same. A contact chosen without regard to degree has an expected mid-rank of 0.5.
     */
    public double percentileOf(int degree) {
      return all.midRankOf(degree);
    }

    /**
     * Mid-rank of a minor's degree among the minors of its own band, blended with its rank among
     * all minors in proportion to how many minors of the band are counted (n / (n + 50)); the rank
     * among all minors for a band that is not a minor's or while the bands are not counted yet.
     * Chosen blind to degree within the band, the expected mid-rank is still 0.5.
     */
    public double percentileOf(AgeBand band, int degree) {
      double amongAll = all.midRankOf(degree);
      int section = sectionOf(band);
      if (section < 0 || slots[BANDS_IN_STEP] == 0) {
        return amongAll;
      }
      Ranks ranks = bandRanks(section);
      double weight = ranks.total / (ranks.total + BAND_PRIOR_MINORS);
      return weight * ranks.midRankOf(degree) + (1 - weight) * amongAll;
    }

    private Ranks bandRanks(int section) {
      if (bands[section] == null) {
        bands[section] = new Ranks(slots, section);
      }
      return bands[section];
    }

    /** The degree at the population's upper quartile (75th percentile). */
    public double upperQuartile() {
      return upperQuartile;
    }
  }
}
