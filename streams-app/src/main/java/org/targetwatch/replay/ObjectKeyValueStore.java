package org.targetwatch.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.topology.Utf8Order;

/**
 * A key-value store of replay that holds values as objects, with what a processor sees of Kafka
 * Streams' in-memory store behind its serialising (metered) layer:
 * <ul>
 *   <li>values are copied in and out ({@link StoreValueCopies}), so a processor never shares an
 *       instance with the store, as with a store that serialises; {@code put(key, null)} deletes;
 *   <li>keys iterate in the order of their UTF-8 bytes ({@link Utf8Order}), Kafka's order of string
 *       keys; a prefix scan is the keys whose serialised form starts with the serialised prefix;
 *   <li>an iterator walks the keys that were in its range when it was opened, skips those deleted
 *       since, and reads each value when it reaches it, as {@code InMemoryKeyValueStore}'s does.
 * </ul>
 * Keys are strings, as every detector store's are (account ids). Point reads and writes go to a
 * hash map; the ordered index of the keys is kept beside it for ranges and scans.
 */
final class ObjectKeyValueStore<V> extends ObjectStore implements KeyValueStore<String, V> {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectKeyValueStore.class);

  private final Map<String, V> values = new HashMap<>();
  private final NavigableSet<String> keys = new TreeSet<>(Utf8Order.COMPARATOR);

  ObjectKeyValueStore(String name) {
    super(name);
  }

  @Override
  void forgetAll() {
    values.clear();
    keys.clear();
  }

  @Override
  public V get(String key) {
    Objects.requireNonNull(key, "key cannot be null");
    return copies.copy(values.get(key));
  }

  @Override
  public void put(String key, V value) {
    Objects.requireNonNull(key, "key cannot be null");
    if (value == null) {
      delete(key);
    } else if (values.put(key, copies.copy(value)) == null) {
      keys.add(key);
    }
  }

  @Override
  public V putIfAbsent(String key, V value) {
    V current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public void putAll(List<KeyValue<String, V>> entries) {
    for (KeyValue<String, V> entry : entries) {
      put(entry.key, entry.value);
    }
  }

  @Override
  public V delete(String key) {
    Objects.requireNonNull(key, "key cannot be null");
    V removed = values.remove(key);
    if (removed == null) {
      return null;
    }
    keys.remove(key);
    return copies.copy(removed);
  }

  @Override
  public long approximateNumEntries() {
    return values.size();
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    return range(from, to, true);
  }

  @Override
  public KeyValueIterator<String, V> reverseRange(String from, String to) {
    return range(from, to, false);
  }

  @Override
  public KeyValueIterator<String, V> all() {
    return range(null, null, true);
  }

  @Override
  public KeyValueIterator<String, V> reverseAll() {
    return range(null, null, false);
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
    Objects.requireNonNull(prefix, "prefix cannot be null");
    Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer cannot be null");
    byte[] bytes = prefixKeySerializer.serialize(null, prefix);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> matching = new ArrayList<>();
    if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      // whole characters: the keys with those bytes first are the keys starting with that text
      for (String key : keys.tailSet(text, true)) {
        if (!key.startsWith(text)) {
          break;
        }
        matching.add(key);
      }
    } else {
      for (String key : keys) {
        if (startsWith(key.getBytes(StandardCharsets.UTF_8), bytes)) {
          matching.add(key);
        }
      }
    }
    return new Iter(matching);
  }

  private KeyValueIterator<String, V> range(String from, String to, boolean forward) {
    if (from != null && to != null && Utf8Order.compare(from, to) > 0) {
      LOG.warn("Returning empty iterator for fetch with invalid key range: from > to.");
      return new Iter(List.of());
    }
    NavigableSet<String> inRange;
    if (from == null && to == null) {
      inRange = keys;
    } else if (from == null) {
      inRange = keys.headSet(to, true);
    } else if (to == null) {
      inRange = keys.tailSet(from, true);
    } else {
      inRange = keys.subSet(from, true, to, true);
    }
    return new Iter(forward ? inRange : inRange.descendingSet());
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Over the keys in range when it was opened; each value read (and copied) when reached. */
  private final class Iter implements KeyValueIterator<String, V> {
    private final Iterator<String> snapshot;
    private String nextKey;

    Iter(Collection<String> keysInRange) {
      this.snapshot = new ArrayList<>(keysInRange).iterator();
    }

    @Override
    public boolean hasNext() {
      if (nextKey != null && !values.containsKey(nextKey)) {
        nextKey = null; // deleted since
      }
      while (nextKey == null && snapshot.hasNext()) {
        String key = snapshot.next();
        if (values.containsKey(key)) {
          nextKey = key;
        }
      }
      return nextKey != null;
    }

    @Override
    public KeyValue<String, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      KeyValue<String, V> next = new KeyValue<>(nextKey, copies.copy(values.get(nextKey)));
      nextKey = null;
      return next;
    }

    @Override
    public String peekNextKey() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return nextKey;
    }

    @Override
    public void close() {
      // nothing held open
    }
  }
}
