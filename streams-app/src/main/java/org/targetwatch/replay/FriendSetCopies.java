package org.targetwatch.replay;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;

/**
 * Copies of friend sets in and out of replay's stores that cost what is read, not what is stored.
 * Most events ask a set one question ("is X a friend?", a binary search), yet a copy of the whole
 * set (as from a store that serialises) costs a copy of every friend, up to thousands.
 *
 * <p>A set in a store keeps its friends in a {@link StoredFriends} list that nothing ever changes
 * (the store hands it out to no one). A set read from the store gets a {@link FriendsReadFromStore}
 * list over the same friends, which copies a friend the first time it is read and from then on
 * behaves as a list of the reader's own friends: it can be changed, and the reader never sees
 * another reader's changes. So a reader sees exactly what it would see in a freshly decoded set.
 * When a set is written back, the friends nobody read are shared with the stored set they came
 * from (both are unchangeable), and every other friend is copied.
 */
final class FriendSetCopies {
  private FriendSetCopies() {}

  /** The set to keep in a store: shares nothing the caller can change. */
  static FriendSet copyIn(FriendSet set) {
    List<Friend> friends = set.getFriends();
    Friend[] stored;
    if (friends instanceof FriendsReadFromStore read) {
      stored = read.forStore();
    } else {
      stored = new Friend[friends.size()];
      for (int i = 0; i < stored.length; i++) {
        stored[i] = copy(friends.get(i));
      }
    }
    return new FriendSet(set.getDegree(), new StoredFriends(stored));
  }

  /** A set for a reader, over the friends of a set {@linkplain #copyIn kept in a store}. */
  static FriendSet copyOut(FriendSet stored) {
    if (!(stored.getFriends() instanceof StoredFriends friends)) {
      throw new IllegalStateException("not a friend set kept in a replay store");
    }
    return new FriendSet(stored.getDegree(), new FriendsReadFromStore(friends.friends));
  }

  static Friend copy(Friend friend) {
    return new Friend(friend.getId(), friend.getSince(), friend.getInitiatedBySelf(), friend.getAgeBand());
  }

  /** The friends of a set kept in a store: never changed, never handed out. */
  static final class StoredFriends extends AbstractList<Friend> implements RandomAccess {
    private final Friend[] friends;

    StoredFriends(Friend[] friends) {
      this.friends = friends;
    }

    @Override
    public Friend get(int index) {
      return friends[index];
    }

    @Override
    public int size() {
      return friends.length;
    }
  }

  /**
   * The friends of a set read from a store, copied one by one as they are read. The first few
   * copies are kept aside (a binary search reads a dozen friends of thousands); after more, or once
   * the list is changed, it keeps an array of its own in which a slot holds either the stored friend,
   * not yet read and never handed out, or the reader's own.
   */
  static final class FriendsReadFromStore extends AbstractList<Friend> implements RandomAccess {
    private static final int FEW = 16;

    private final Friend[] stored;
    /** Until {@link #items}: the slots read so far and their copies. */
    private int[] readSlots;
    private Friend[] readCopies;
    private int reads;
    /** Once made: the list's slots; {@code own[i]} when {@code items[i]} is the reader's. */
    private Friend[] items;
    private boolean[] own;
    private int size;

    FriendsReadFromStore(Friend[] stored) {
      this.stored = stored;
      this.size = stored.length;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Friend get(int index) {
      Objects.checkIndex(index, size);
      if (items == null) {
        for (int k = 0; k < reads; k++) {
          if (readSlots[k] == index) {
            return readCopies[k];
          }
        }
        if (reads < FEW) {
          if (readSlots == null) {
            readSlots = new int[FEW];
            readCopies = new Friend[FEW];
          }
          readSlots[reads] = index;
          return readCopies[reads++] = copy(stored[index]);
        }
        ownArray();
      }
      if (!own[index]) {
        items[index] = copy(items[index]);
        own[index] = true;
      }
      return items[index];
    }

    @Override
    public Friend set(int index, Friend friend) {
      Friend previous = get(index);
      ownArray();
      items[index] = friend;
      own[index] = true;
      return previous;
    }

    @Override
    public void add(int index, Friend friend) {
      Objects.checkIndex(index, size + 1);
      ownArray();
      if (size == items.length) {
        int capacity = Math.max(8, size + (size >> 1));
        items = Arrays.copyOf(items, capacity);
        own = Arrays.copyOf(own, capacity);
      }
      System.arraycopy(items, index, items, index + 1, size - index);
      System.arraycopy(own, index, own, index + 1, size - index);
      items[index] = friend;
      own[index] = true;
      size++;
      modCount++;
    }

    @Override
    public Friend remove(int index) {
      Friend removed = get(index);
      ownArray();
      System.arraycopy(items, index + 1, items, index, size - index - 1);
      System.arraycopy(own, index + 1, own, index, size - index - 1);
      size--;
      items[size] = null;
      own[size] = false;
      modCount++;
      return removed;
    }

    /**
     * The friends for a store to keep: the stored friends nobody read, shared (they never change),
     * and copies of the rest, which the reader may still change.
     */
    Friend[] forStore() {
      if (items == null) {
        Friend[] friends = stored.clone();
        for (int k = 0; k < reads; k++) {
          friends[readSlots[k]] = copy(readCopies[k]);
        }
        return friends;
      }
      Friend[] friends = new Friend[size];
      for (int i = 0; i < size; i++) {
        friends[i] = own[i] ? copy(items[i]) : items[i];
      }
      return friends;
    }

    private void ownArray() {
      if (items != null) {
        return;
      }
      items = stored.clone();
      own = new boolean[items.length];
      for (int k = 0; k < reads; k++) {
        items[readSlots[k]] = readCopies[k];
        own[readSlots[k]] = true;
      }
      readSlots = null;
      readCopies = null;
    }
  }
}
