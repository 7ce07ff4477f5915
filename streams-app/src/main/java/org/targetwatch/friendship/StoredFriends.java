package org.targetwatch.friendship;

import java.util.ArrayList;
import java.util.List;
import org.targetwatch.schema.AgeBand;

/**
 * An account's friends as the friendship store holds them ({@link FriendSetBytes}), answering the
 * questions a contact asks of all of them — degree, share of minors, trusted friends, friends in
 * common — in one read of the stored bytes, without decoding the set into objects. Friends are stored
 * sorted by id.
 */
public final class StoredFriends {
  private static final StoredFriends NONE = new StoredFriends(FriendSetBytes.NO_FRIENDS);

  private final byte[] bytes;

  private StoredFriends(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The friends in a friendship store value; none for an account the store does not know. */
  public static StoredFriends of(byte[] bytes) {
    return bytes == null ? NONE : new StoredFriends(bytes);
  }

  /** The exact friend count (also beyond the stored cap). */
  public int degree() {
    return FriendSetBytes.degree(bytes);
  }

  /**
   * The friend count as of {@code at}: without the stored friends whose friendship began later.
   * Another partition's side of a friendship can arrive before or after a contact that crossed
   * partitions too; counting as of the contact's time makes the answer independent of which came
   * first. (A friendship removed after {@code at} is already gone: that case is not undone.)
   */
  public int degreeAt(long at) {
    int later = 0;
    for (FriendSetBytes.Entries friends = FriendSetBytes.entries(bytes); friends.next(); ) {
      if (friends.since() > at) {
        later++;
      }
    }
    return Math.max(0, degree() - later);
  }

  /** How many friends are stored: at most the cap, while the degree also counts the others. */
  public int storedCount() {
    int count = 0;
    for (FriendSetBytes.Entries friends = FriendSetBytes.entries(bytes); friends.next(); ) {
      count++;
    }
    return count;
  }

  /** Share of minors among the friends whose age band is known; -1 when none is known. */
  public double minorShare() {
    return trustedMinorShare(Long.MAX_VALUE, 0);
  }

  /**
   * Share of minors among the trusted friends ({@link #trustedIds}) whose age band is known; -1 when
   * none is known. A snowball offender's recent victims do not make its circle look like minors'.
   */
  public double trustedMinorShare(long now, long recentMs) {
    int known = 0;
    int minors = 0;
    for (FriendSetBytes.Entries friends = FriendSetBytes.entries(bytes); friends.next(); ) {
      if (friends.since() > now || friends.initiatedBySelf() && friends.since() > now - recentMs) {
        continue; // not a friend yet at that time, or a recent own contact
      }
      AgeBand band = friends.ageBand();
      if (band != AgeBand.UNKNOWN) {
        known++;
        if (AgeBands.isMinor(band)) {
          minors++;
        }
      }
    }
    return known == 0 ? -1 : (double) minors / known;
  }

  /**
   * The friends whose word counts as a social tie at time {@code now}: all friends except the minors
   * (or accounts of unknown age) this account befriended itself within {@code recentMs} — a snowball
   * offender's earlier victims must not make the victims' friends look like acquaintances — and
   * those befriended after {@code now}. An adult the account befriended recently does count: a new
   * relative who added the parents, a coach who added the other coaches, reaches the children through
   * them. Sorted by id, at most {@code cap}.
   */
  public List<String> trustedIds(long now, long recentMs, int cap) {
    List<String> ids = new ArrayList<>();
    for (FriendSetBytes.Entries friends = FriendSetBytes.entries(bytes); ids.size() < cap && friends.next(); ) {
      boolean recentOwnContact = friends.initiatedBySelf() && friends.since() > now - recentMs
          && friends.ageBand() != AgeBand.ADULT;
      if (!recentOwnContact && friends.since() <= now) {
        ids.add(friends.id());
      }
    }
    return ids;
  }

  /** How many of {@code sortedIds} (sorted as strings, as {@link #trustedIds} gives them) are stored friends. */
  public int countCommon(List<String> sortedIds) {
    return countCommonAt(sortedIds, Long.MAX_VALUE);
  }

  /** How many of {@code sortedIds} were stored friends at {@code at} (see {@link #degreeAt}). */
  public int countCommonAt(List<String> sortedIds, long at) {
    FriendSetBytes.Entries friends = FriendSetBytes.entries(bytes);
    String friend = nextId(friends);
    int common = 0;
    int i = 0;
    while (i < sortedIds.size() && friend != null) {
      int order = sortedIds.get(i).compareTo(friend);
      if (order == 0 && friends.since() <= at) {
        common++;
      }
      if (order <= 0) {
        i++;
      }
      if (order >= 0) {
        friend = nextId(friends);
      }
    }
    return common;
  }

  private static String nextId(FriendSetBytes.Entries friends) {
    return friends.next() ? friends.id() : null;
  }
}
