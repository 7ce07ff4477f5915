package org.targetwatch.friendship;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendshipChanged;

/**
 * Stage 1, the friendship graph state of the accounts of this task's partitions: each account's
 * latest profile and friends, and the degree distribution of minors kept in step with both. Friend
 * sets are stored as {@link FriendSetBytes} and read and changed in their bytes: "is X a friend",
 * the degree, and the questions asked of all friends ({@link StoredFriends}).
 */
public final class FriendshipGraph {

  private final KeyValueStore<String, Profile> profiles;
  private final KeyValueStore<String, byte[]> friendships;
  private final MinorDegreesByBand minorDegrees;
  private final PlatformDegreeSum degreeSum;
  private final MinorFriendEnds minorFriendEnds;
  private final int maxFriendsStored;

  public FriendshipGraph(KeyValueStore<String, Profile> profiles, KeyValueStore<String, byte[]> friendships,
      KeyValueStore<String, byte[]> minorDegrees, int maxFriendsStored) {
    this.profiles = profiles;
    this.friendships = friendships;
    this.minorDegrees = new MinorDegreesByBand(minorDegrees, this::forEachMinor);
    this.degreeSum = new PlatformDegreeSum(minorDegrees, this::sumOfStoredDegrees);
    this.minorFriendEnds = new MinorFriendEnds(minorDegrees, this::countFriendEnds);
    this.maxFriendsStored = maxFriendsStored;
  }

  /**
   * Every counted minor of the task's accounts with its band and degree: how the bands' degree
   * histograms are counted once after an upgrade from a version that kept all minors' alone.
   */
  private void forEachMinor(java.util.function.ObjIntConsumer<AgeBand> minor) {
    try (KeyValueIterator<String, Profile> all = profiles.all()) {
      while (all.hasNext()) {
        Profile profile = all.next().value;
        if (profile != null && !profile.getDeleted() && AgeBands.isMinor(profile.getAgeBand())) {
          minor.accept(profile.getAgeBand(), degreeOf(profile.getAccountId()));
        }
      }
    }
  }

  /** The degrees of all stored friend sets added up: how the sum of degrees is counted once after an upgrade. */
  private long sumOfStoredDegrees() {
    long sum = 0;
    try (KeyValueIterator<String, byte[]> all = friendships.all()) {
      while (all.hasNext()) {
        byte[] set = all.next().value;
        sum += set == null ? 0 : FriendSetBytes.degree(set);
      }
    }
    return sum;
  }

  /** The known and minor friend entries of all stored friend sets and of minors': how they are counted once after an upgrade. */
  private MinorFriendEnds.Counts countFriendEnds() {
    MinorFriendEnds.Tally ofAll = MinorFriendEnds.Tally.NONE;
    MinorFriendEnds.Tally ofMinors = MinorFriendEnds.Tally.NONE;
    try (KeyValueIterator<String, byte[]> all = friendships.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        MinorFriendEnds.Tally tally = MinorFriendEnds.Tally.of(entry.value);
        ofAll = ofAll.plus(tally);
        if (isCountedMinor(profiles.get(entry.key))) {
          ofMinors = ofMinors.plus(tally);
        }
      }
    }
    return new MinorFriendEnds.Counts(ofAll, ofMinors);
  }

  private static boolean isCountedMinor(Profile profile) {
    return profile != null && !profile.getDeleted() && AgeBands.isMinor(profile.getAgeBand());
  }

  /**
   * How many times more often the platform's minors befriend minors than their degrees alone give
   * ({@link MinorFriendEnds}): what chance among minors is reckoned with.
   */
  public double minorHomophily() {
    return minorFriendEnds.homophily();
  }

  /**
   * The sum of the degrees of all the task's accounts: times the number of partitions, the
   * platform's (docs/detection.md, "Targets who know each other").
   */
  public long taskDegreeSum() {
    return degreeSum.taskSum();
  }

  public Profile profileOf(String account) {
    return profiles.get(account);
  }

  /** All the account's stored friends, read from the stored bytes. */
  public StoredFriends friendsOf(String account) {
    return StoredFriends.of(friendships.get(account));
  }

  /** The account's entry for {@code friendId}, or null when they are not (stored) friends. */
  public Friend friendOf(String account, String friendId) {
    byte[] set = friendships.get(account);
    return set == null ? null : FriendSetBytes.find(set, friendId);
  }

  public int degreeOf(String account) {
    byte[] set = friendships.get(account);
    return set == null ? 0 : FriendSetBytes.degree(set);
  }

  /** The degree distribution of all the task's minors: the population's minor share and upper quartile. */
  public MinorDegreeDistribution minorDegrees() {
    return minorDegrees.allMinors();
  }

  /**
   * A minor's degree rank within its age band, blended with its rank in {@code allMinors} (the
   * snapshot of {@link #minorDegrees()} the caller already holds; docs/detection.md, "Degree preference").
   */
  public double degreeRankAmongPeers(MinorDegreeDistribution.Snapshot allMinors, AgeBand band, int degree) {
    return minorDegrees.percentileOf(allMinors, band, degree);
  }

  /** The latest {@code updatedAt} wins; an older profile arriving late changes nothing. */
  public void applyProfile(Profile profile) {
    String account = profile.getAccountId();
    Profile previous = profiles.get(account);
    if (previous != null && previous.getUpdatedAt().isAfter(profile.getUpdatedAt())) {
      return;
    }
    boolean wasMinor = isCountedMinor(previous);
    boolean isMinor = isCountedMinor(profile);
    if (wasMinor != isMinor) { // before the profile is stored: a first count after an upgrade reads the stored ones
      minorFriendEnds.ownerChanged(wasMinor, isMinor, MinorFriendEnds.Tally.of(friendships.get(account)));
    }
    profiles.put(account, profile);
    int degree = degreeOf(account);
    boolean wasCounted = previous != null && !previous.getDeleted();
    boolean isCounted = !profile.getDeleted();
    if (wasMinor) {
      minorDegrees.removeMinor(previous.getAgeBand(), degree);
    }
    if (isMinor) {
      minorDegrees.addMinor(profile.getAgeBand(), degree);
    }
    if (wasCounted != isCounted) {
      minorDegrees.adjustKnownAccounts(isCounted ? +1 : -1);
    }
  }

  /**
   * Applies one endpoint's side of a friendship change; returns true when the graph changed.
   *
   * @param friendAgeBand the friend's age band when it is known (UNKNOWN otherwise), kept with a new friend
   */
  public boolean applyFriendshipChange(FriendshipChanged change, AgeBand friendAgeBand) {
    String account = change.getAccountId();
    byte[] stored = friendships.get(account);
    byte[] set = stored == null ? FriendSetBytes.NO_FRIENDS : stored;
    String friendId = change.getFriendId();
    byte[] changed;
    MinorFriendEnds.Tally entryChange;
    if (change.getAdded()) {
      changed = FriendSetBytes.withFriend(set, new Friend(friendId, change.getAt(), change.getInitiatedByAccount(),
          friendAgeBand), maxFriendsStored);
      entryChange = changed != null && wasStored(set, changed, friendId) ? MinorFriendEnds.Tally.ofBand(friendAgeBand)
          : MinorFriendEnds.Tally.NONE;
    } else {
      Friend removed = FriendSetBytes.find(set, friendId);
      changed = FriendSetBytes.withoutFriend(set, friendId);
      entryChange = removed == null ? MinorFriendEnds.Tally.NONE : MinorFriendEnds.Tally.ofBand(removed.getAgeBand()).negated();
    }
    if (changed == null) {
      return false;
    }
    degreeSum.change(FriendSetBytes.degree(changed) - FriendSetBytes.degree(set));
    Profile profile = profiles.get(account);
    boolean minor = isCountedMinor(profile);
    minorFriendEnds.entriesChanged(minor, entryChange);
    friendships.put(account, changed);
    if (minor) {
      minorDegrees.moveMinor(profile.getAgeBand(), FriendSetBytes.degree(set), FriendSetBytes.degree(changed));
    }
    return true;
  }

  /**
   * Whether a friend just added to {@code before} is among the stored entries of {@code after}: always
   * below the cap (the stored entries never outnumber the degree); at it, only a look finds out.
   */
  private boolean wasStored(byte[] before, byte[] after, String friendId) {
    return FriendSetBytes.degree(before) < maxFriendsStored || FriendSetBytes.find(after, friendId) != null;
  }

  /** Records a friend's age band, so the account's own share of minor friends is known. */
  public void applyFriendAgeBand(String account, String friendId, AgeBand band) {
    byte[] stored = friendships.get(account);
    Friend before = stored == null ? null : FriendSetBytes.find(stored, friendId);
    byte[] changed = before == null ? null : FriendSetBytes.withAgeBand(stored, friendId, band);
    if (changed != null && changed != stored) {
      minorFriendEnds.entriesChanged(isCountedMinor(profiles.get(account)),
          MinorFriendEnds.Tally.ofBand(band).minus(MinorFriendEnds.Tally.ofBand(before.getAgeBand())));
      friendships.put(account, changed);
    }
  }

  public AgeBand ageBandOf(String account) {
    Profile profile = profiles.get(account);
    return profile == null ? AgeBand.UNKNOWN : profile.getAgeBand();
  }
}
