package org.targetwatch.simulator;

import java.util.Arrays;

/** A growable list of ints, so adjacency and memberships cost 4 bytes an entry, not an object. */
final class IntList {
  private int[] values;
  private int size;

  IntList() {
    this(4);
  }

  IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Removes the first occurrence by moving the last value into its place (order not kept). */
  boolean removeValue(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        values[i] = values[--size];
        return true;
      }
    }
    return false;
  }

  boolean contains(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
