package org.targetwatch.simulator;

import java.util.Arrays;

/**
 * A set of account pairs as primitive longs (open addressing, linear probing, backward-shift
 * deletion): the friendship graph of 100,000 accounts holds millions of pairs, too many for boxed
 * keys. Keys must be non-negative.
 */
final class PairSet {
  private static final long EMPTY = -1L;
  private long[] slots;
  private int size;
  private int mask;

  PairSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
  }

  /** The key of an unordered pair. */
  static long undirected(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  /** The key of an ordered pair (from, to). */
  static long directed(int from, int to) {
    return ((long) from << 32) | to;
  }

  int size() {
    return size;
  }

  boolean contains(long key) {
    int i = slot(key);
    while (slots[i] != EMPTY) {
      if (slots[i] == key) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Adds the key; false when it was already present. */
  boolean add(long key) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int i = slot(key);
    while (slots[i] != EMPTY) {
      if (slots[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = key;
    size++;
    return true;
  }

  /** Removes the key; false when it was absent. */
  boolean remove(long key) {
    int i = slot(key);
    while (slots[i] != EMPTY) {
      if (slots[i] == key) {
        shiftBack(i);
        size--;
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private void shiftBack(int hole) {
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      long key = slots[i];
      if (key == EMPTY) {
        slots[hole] = EMPTY;
        return;
      }
      int home = slot(key);
      // move the key into the hole when the hole lies between its home slot and its slot
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        slots[hole] = key;
        hole = i;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.fill(slots, EMPTY);
    mask = slots.length - 1;
    size = 0;
    for (long key : old) {
      if (key != EMPTY) {
        add(key);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return (int) h & mask;
  }
}
