package org.targetwatch.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.topology.Utf8Order;

/**
 * A window store of replay that holds values as objects, with the behaviour of Kafka Streams'
 * {@code InMemoryWindowStore} (without duplicates) behind its serialising layer:
 * <ul>
 *   <li>one segment per window start; the store's clock is the latest window start put, and a
 *       segment expires once it is a retention period behind that clock: a put into it is skipped,
 *       a fetch does not see it, and it is dropped at the next operation;
 *   <li>values are copied in and out ({@link StoreValueCopies}); {@code put(key, null, t)} deletes;
 *   <li>a fetch walks window starts in time order (or backwards), and, across keys, keys in the
 *       order of their UTF-8 bytes within a window start.
 * </ul>
 * An iterator holds the entries in its range when it was opened (the processors never write while
 * they iterate) and copies each value when it reaches it. The buckets are also kept by key, so that
 * fetching one sender's window is one look-up rather than one per window start.
 */
final class ObjectWindowStore<V> extends ObjectStore implements WindowStore<String, V> {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectWindowStore.class);
  /** Kafka's {@code ConsumerRecord.NO_TIMESTAMP}, the clock before the first put. */
  private static final long NO_TIMESTAMP = -1L;

  private final long retentionPeriod;
  private final long windowSize;
  /** Each key's buckets by window start: a fetch is one look-up, then a walk of a few entries. */
  private final Map<String, NavigableMap<Long, V>> byKey = new HashMap<>();
  /** The keys with a bucket at each window start (a segment): for expiry, and fetches across keys. */
  private final NavigableMap<Long, Set<String>> segments = new TreeMap<>();
  private long observedStreamTime = NO_TIMESTAMP;

  ObjectWindowStore(String name, long retentionPeriod, long windowSize) {
    super(name);
    this.retentionPeriod = retentionPeriod;
    this.windowSize = windowSize;
  }

  @Override
  void forgetAll() {
    byKey.clear();
    segments.clear();
  }

  /** The buckets held, one per key and window start, as many as {@link #all()} would return. */
  long entries() {
    removeExpiredSegments();
    return byKey.values().stream().mapToLong(Map::size).sum();
  }

  @Override
  public void put(String key, V value, long windowStartTimestamp) {
    Objects.requireNonNull(key, "key cannot be null");
    removeExpiredSegments();
    observedStreamTime = Math.max(observedStreamTime, windowStartTimestamp);
    if (windowStartTimestamp <= observedStreamTime - retentionPeriod) {
      LOG.warn("Skipping record for expired segment.");
    } else if (value != null) {
      byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(windowStartTimestamp, copies.copy(value));
      segments.computeIfAbsent(windowStartTimestamp, start -> new HashSet<>()).add(key);
    } else {
      remove(key, windowStartTimestamp);
    }
  }

  @Override
  public V fetch(String key, long windowStartTimestamp) {
    Objects.requireNonNull(key, "key cannot be null");
    removeExpiredSegments();
    if (windowStartTimestamp <= observedStreamTime - retentionPeriod) {
      return null;
    }
    NavigableMap<Long, V> buckets = byKey.get(key);
    return buckets == null ? null : copies.copy(buckets.get(windowStartTimestamp));
  }

  @Override
  public WindowStoreIterator<V> fetch(String key, long timeFrom, long timeTo) {
    return fetch(key, timeFrom, timeTo, true);
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(String key, long timeFrom, long timeTo) {
    return fetch(key, timeFrom, timeTo, false);
  }

  private WindowStoreIterator<V> fetch(String key, long timeFrom, long timeTo, boolean forward) {
    Objects.requireNonNull(key, "key cannot be null");
    removeExpiredSegments();
    long minTime = minLiveTime(timeFrom);
    NavigableMap<Long, V> buckets = byKey.get(key);
    if (buckets == null || timeTo < minTime) {
      return new ValueIterator(List.of());
    }
    NavigableMap<Long, V> live = buckets.subMap(minTime, true, timeTo, true);
    List<KeyValue<Long, V>> found = new ArrayList<>(live.size());
    for (Map.Entry<Long, V> bucket : (forward ? live : live.descendingMap()).entrySet()) {
      found.add(KeyValue.pair(bucket.getKey(), bucket.getValue()));
    }
    return new ValueIterator(found);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo) {
    return fetch(keyFrom, keyTo, timeFrom, timeTo, true);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> backwardFetch(String keyFrom, String keyTo, long timeFrom,
      long timeTo) {
    return fetch(keyFrom, keyTo, timeFrom, timeTo, false);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> fetchAll(long timeFrom, long timeTo) {
    return fetch(null, null, timeFrom, timeTo, true);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> backwardFetchAll(long timeFrom, long timeTo) {
    return fetch(null, null, timeFrom, timeTo, false);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> all() {
    return fetch(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<String>, V> backwardAll() {
    return fetch(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  /** Keys from {@code keyFrom} to {@code keyTo}, either open when null. */
  private KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo,
      boolean forward) {
    if (keyFrom != null && keyTo != null && Utf8Order.compare(keyFrom, keyTo) > 0) {
      LOG.warn("Returning empty iterator for fetch with invalid key range: from > to.");
      return new WindowedIterator(List.of());
    }
    List<KeyValue<Windowed<String>, V>> found = new ArrayList<>();
    removeExpiredSegments();
    long minTime = minLiveTime(timeFrom);
    if (timeTo < minTime) {
      return new WindowedIterator(found);
    }
    NavigableMap<Long, Set<String>> live = segments.subMap(minTime, true, timeTo, true);
    for (Map.Entry<Long, Set<String>> segment : (forward ? live : live.descendingMap()).entrySet()) {
      long start = segment.getKey();
      List<String> keys = new ArrayList<>();
      for (String key : segment.getValue()) {
        if ((keyFrom == null || Utf8Order.compare(key, keyFrom) >= 0)
            && (keyTo == null || Utf8Order.compare(key, keyTo) <= 0)) {
          keys.add(key);
        }
      }
      keys.sort(forward ? Utf8Order.COMPARATOR : Collections.reverseOrder(Utf8Order.COMPARATOR));
      for (String key : keys) {
        found.add(KeyValue.pair(new Windowed<>(key, new TimeWindow(start, start + windowSize)),
            byKey.get(key).get(start)));
      }
    }
    return new WindowedIterator(found);
  }

  /** The earliest window start a fetch from {@code timeFrom} sees: a segment expires a retention period after it starts. */
  private long minLiveTime(long timeFrom) {
    return Math.max(timeFrom, observedStreamTime - retentionPeriod + 1);
  }

  private void remove(String key, long windowStart) {
    NavigableMap<Long, V> buckets = byKey.get(key);
    if (buckets != null && buckets.remove(windowStart) != null) {
      if (buckets.isEmpty()) {
        byKey.remove(key);
      }
      Set<String> keys = segments.get(windowStart);
      keys.remove(key);
      if (keys.isEmpty()) {
        segments.remove(windowStart);
      }
    }
  }

  private void removeExpiredSegments() {
    long minLiveTime = Math.max(0L, observedStreamTime - retentionPeriod + 1);
    while (!segments.isEmpty() && segments.firstKey() < minLiveTime) {
      Map.Entry<Long, Set<String>> expired = segments.pollFirstEntry();
      for (String key : expired.getValue()) {
        NavigableMap<Long, V> buckets = byKey.get(key);
        buckets.remove(expired.getKey());
        if (buckets.isEmpty()) {
          byKey.remove(key);
        }
      }
    }
  }

  /** Window starts and values, each value copied when reached. */
  private final class ValueIterator extends CopyingIterator<Long> implements WindowStoreIterator<V> {
    ValueIterator(List<KeyValue<Long, V>> entries) {
      super(entries);
    }
  }

  /** Windowed keys and values, each value copied when reached. */
  private final class WindowedIterator extends CopyingIterator<Windowed<String>> {
    WindowedIterator(List<KeyValue<Windowed<String>, V>> entries) {
      super(entries);
    }
  }

  /** Over the entries in range when it was opened; each value copied when reached. */
  private class CopyingIterator<K> implements KeyValueIterator<K, V> {
    private final Iterator<KeyValue<K, V>> entries;
    private KeyValue<K, V> peeked;

    CopyingIterator(List<KeyValue<K, V>> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public boolean hasNext() {
      return peeked != null || entries.hasNext();
    }

    @Override
    public KeyValue<K, V> next() {
      KeyValue<K, V> next = peeked != null ? peeked : entries.next();
      peeked = null;
      return KeyValue.pair(next.key, copies.copy(next.value));
    }

    @Override
    public K peekNextKey() {
      if (peeked == null) {
        if (!entries.hasNext()) {
          throw new NoSuchElementException();
        }
        peeked = entries.next();
      }
      return peeked.key;
    }

    @Override
    public void close() {
      // nothing held open
    }
  }
}
