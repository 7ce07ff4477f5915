package org.targetwatch.friendship;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;

/**
 * Operations on an account's {@link FriendSet}: friends sorted by id (binary search), at most a
 * configured number kept, the degree exact beyond that. Adding a friend
 * twice or removing one who is not there changes nothing, so re-delivered events are harmless.
 */
public final class FriendSets {
  private static final Comparator<Friend> BY_ID = Comparator.comparing(Friend::getId);

  private FriendSets() {}

  public static FriendSet empty() {
    return new FriendSet(0, new ArrayList<>());
  }

  public static int indexOf(FriendSet set, String friendId) {
    List<Friend> friends = set.getFriends();
    int low = 0;
    int high = friends.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = friends.get(mid).getId().compareTo(friendId);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  public static Friend find(FriendSet set, String friendId) {
    int i = indexOf(set, friendId);
    return i >= 0 ? set.getFriends().get(i) : null;
  }

  /** Adds a friend; returns true when the degree changed. Beyond the cap only the degree grows. */
  public static boolean add(FriendSet set, Friend friend, int cap) {
    int i = indexOf(set, friend.getId());
    if (i >= 0) {
      return false;
    }
    if (set.getFriends().size() < cap) {
      set.getFriends().add(-(i + 1), friend);
    }
    set.setDegree(set.getDegree() + 1);
    return true;
  }

  /** Removes a friend; returns true when the degree changed. Removing a stranger changes nothing. */
  public static boolean remove(FriendSet set, String friendId) {
    int i = indexOf(set, friendId);
    if (i < 0) {
      return false;
    }
    set.getFriends().remove(i);
    set.setDegree(Math.max(0, set.getDegree() - 1));
    return true;
  }

  static void sort(FriendSet set) {
    Collections.sort(set.getFriends(), BY_ID);
  }
}
