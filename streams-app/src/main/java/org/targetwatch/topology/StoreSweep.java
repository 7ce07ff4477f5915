package org.targetwatch.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a key-value store whose time lies before a cut-off: how pair stores expire. */
public final class StoreSweep {
  private StoreSweep() {}

  /** Returns the number of entries deleted. Keys are collected first: a store is not changed while iterated. */
  public static <V> int deleteBefore(KeyValueStore<String, V> store, long cutoff, ToLongFunction<V> timeOf) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, V> next = it.next();
        if (timeOf.applyAsLong(next.value) < cutoff) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(store::delete);
    return expired.size();
  }
}
