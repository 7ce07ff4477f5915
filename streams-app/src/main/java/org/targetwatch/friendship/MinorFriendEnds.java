package org.targetwatch.friendship;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.AgeBand;

/**
 * How much more often the platform's minors befriend minors than their degrees alone would give: its
 * age homophily (docs/detection.md, "Targets who know each other"). Minors befriend minors, so two
 * popular minors are friends more often than {@code d_i d_j / 2E} says, and platforms differ in how
 * much; an offender picking popular minors across a platform where they all know each other must not
 * look like one who picked a class.
 *
 * <p>Counted over the friend entries the task stores whose age band is known: of the entries of all
 * accounts, how many are minors (a minor's share of all friendship ends, which is what chance alone
 * would give a minor's friend), and of the entries of minors, how many are minors. Their ratio is the
 * factor: 1 where minors' friends are minors as often as anyone's, 3 where three times as often. The
 * task's accounts are a random sample of the platform's (partitioned by a hash of the id), so the
 * task's ratio estimates the platform's.
 *
 * <p>Kept as four longs under {@link #KEY} in the store of the minors' degree histograms, changed
 * with every friend set. Versions before it did not keep them: the first change or question of
 * this version counts them once from the task's friend sets and profiles.
 */
public final class MinorFriendEnds {
  static final String KEY = "minors.friend-ends";
  /** Below this many known ends of minors' friendships the task says nothing: the factor is 1. */
  static final long MIN_KNOWN_ENDS = 500;
  /**
   * Never below the degrees' own figure: where minors' friends are minors less often than anyone's
   * (no platform of the contract's kind; a test's or a young task's sample), a factor below 1 would
   * make popular minors' ordinary friendships look like a group and excuse whoever contacts them.
   */
  static final double LOWEST = 1.0;
  /** At most this many times the degrees' figure. */
  static final double HIGHEST = 20;

  /** The known and the minor friend entries of one friend set, or of many added up. */
  public record Tally(long known, long minors) {
    static final Tally NONE = new Tally(0, 0);
    private static final Tally ONE_MINOR = new Tally(1, 1);
    private static final Tally ONE_ADULT = new Tally(1, 0);

    /** The entries of a stored friend set (null: none). */
    public static Tally of(byte[] friendSet) {
      if (friendSet == null) {
        return NONE;
      }
      long known = 0;
      long minors = 0;
      for (FriendSetBytes.Entries friends = FriendSetBytes.entries(friendSet); friends.next(); ) {
        AgeBand band = friends.ageBand();
        if (band != AgeBand.UNKNOWN) {
          known++;
          if (AgeBands.isMinor(band)) {
            minors++;
          }
        }
      }
      return new Tally(known, minors);
    }

    /** One friend entry of the given band. */
    public static Tally ofBand(AgeBand band) {
      if (band == null || band == AgeBand.UNKNOWN) {
        return NONE;
      }
      return AgeBands.isMinor(band) ? ONE_MINOR : ONE_ADULT;
    }

    Tally negated() {
      return new Tally(-known, -minors);
    }

    Tally plus(Tally other) {
      return new Tally(known + other.known, minors + other.minors);
    }

    public Tally minus(Tally other) {
      return new Tally(known - other.known, minors - other.minors);
    }
  }

  /** The counts of a task: entries of all accounts, and entries of its (counted) minors. */
  public record Counts(Tally ofAll, Tally ofMinors) {
    public static final Counts NONE = new Counts(Tally.NONE, Tally.NONE);
  }

  private final KeyValueStore<String, byte[]> store;
  private final Supplier<Counts> countFromFriendSets;

  /** @param countFromFriendSets the counts of the task's stored friend sets, counted once after an upgrade */
  public MinorFriendEnds(KeyValueStore<String, byte[]> store, Supplier<Counts> countFromFriendSets) {
    this.store = store;
    this.countFromFriendSets = countFromFriendSets;
  }

  /**
   * How many times more often minors' friends are minors than anyone's friends are, within
   * [{@link #LOWEST}, {@link #HIGHEST}]: 1 while the task knows fewer than {@link #MIN_KNOWN_ENDS}
   * of minors' friendship ends.
   */
  public double homophily() {
    Counts counts = counts();
    Tally all = counts.ofAll();
    Tally minors = counts.ofMinors();
    if (minors.known() < MIN_KNOWN_ENDS || all.minors() <= 0) {
      return 1.0;
    }
    double minorsAmongMinorsFriends = minors.minors() / (double) minors.known();
    double minorsAmongAllFriends = all.minors() / (double) all.known();
    return Math.max(LOWEST, Math.min(HIGHEST, minorsAmongMinorsFriends / minorsAmongAllFriends));
  }

  /**
   * An account's stored friend entries changed by {@code delta} (one entry added, removed, or its
   * band learned: what a friendship change costs, whatever the set's size); {@code minorOwner}: the
   * account is a counted minor.
   */
  public void entriesChanged(boolean minorOwner, Tally delta) {
    if (delta.known() == 0 && delta.minors() == 0) {
      return;
    }
    Counts counts = counts();
    write(new Counts(counts.ofAll().plus(delta), minorOwner ? counts.ofMinors().plus(delta) : counts.ofMinors()));
  }

  /** An account became a counted minor or stopped being one (a profile, a birthday, a deletion), with its friends unchanged. */
  public void ownerChanged(boolean wasMinor, boolean isMinor, Tally friends) {
    if (wasMinor == isMinor || friends.known() == 0) {
      return;
    }
    Counts counts = counts();
    Tally ofMinors = isMinor ? counts.ofMinors().plus(friends) : counts.ofMinors().minus(friends);
    write(new Counts(counts.ofAll(), ofMinors));
  }

  Counts counts() {
    byte[] stored = store.get(KEY);
    if (stored == null || stored.length != 4 * Long.BYTES) {
      Counts counted = countFromFriendSets.get();
      write(counted);
      return counted;
    }
    ByteBuffer in = ByteBuffer.wrap(stored);
    return new Counts(new Tally(in.getLong(), in.getLong()), new Tally(in.getLong(), in.getLong()));
  }

  private void write(Counts counts) {
    store.put(KEY, ByteBuffer.allocate(4 * Long.BYTES)
        .putLong(Math.max(0, counts.ofAll().known())).putLong(Math.max(0, counts.ofAll().minors()))
        .putLong(Math.max(0, counts.ofMinors().known())).putLong(Math.max(0, counts.ofMinors().minors()))
        .array());
  }
}
