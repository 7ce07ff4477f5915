package org.targetwatch.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * The events of an event file, held compactly and handed out in event-time order, so that the file
 * is parsed once. Each event is kept as a kind byte and its Avro bytes (about a third of its JSON
 * line) in large shared chunks, with its event time; {@link #sort()} orders them by time, stable
 * for equal times (file order breaks ties), and {@link #eventAt} decodes the event of a rank.
 *
 * <p>Through the bytes an event becomes what it is on its Kafka topic: timestamps to the
 * millisecond (the schemas' {@code timestamp-millis}), as the detector keeps them anyway.
 */
final class TimeOrderedEvents implements Consumer<SpecificRecord> {
  private static final int CHUNK_BYTES = 1 << 20;
  private static final List<InternalAvroSerde<? extends SpecificRecord>> KINDS = List.of(
      InternalAvroSerde.of(Profile.class), InternalAvroSerde.of(FriendRequestEvent.class),
      InternalAvroSerde.of(MessageEvent.class), InternalAvroSerde.of(SafetyReport.class),
      InternalAvroSerde.of(ReviewVerdict.class));

  private static final int INITIAL_CAPACITY = 1 << 16;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk;
  private int used;
  private long[] times;
  /** Chunk number in the upper 32 bits, offset in the chunk in the lower. */
  private long[] positions;
  private int[] lengths;
  private int size;
  private int[] order;
  /** Events {@link #accept} takes; null: all. */
  private Predicate<SpecificRecord> keep;

  TimeOrderedEvents() {
    this(List.of(new byte[CHUNK_BYTES]), 0, new long[INITIAL_CAPACITY], new long[INITIAL_CAPACITY],
        new int[INITIAL_CAPACITY], 0);
  }

  /** Taking in only the events {@code keep} accepts (null: all). */
  TimeOrderedEvents(Predicate<SpecificRecord> keep) {
    this();
    this.keep = keep;
  }

  /**
   * The events of {@code parts} as one, in their order (part by part); for a file read in sections,
   * file order. The parts' storage is taken over, not copied: use only the result afterwards.
   */
  static TimeOrderedEvents joined(List<TimeOrderedEvents> parts) {
    int total = parts.stream().mapToInt(TimeOrderedEvents::size).sum();
    List<byte[]> chunks = new ArrayList<>();
    long[] times = new long[Math.max(1, total)];
    long[] positions = new long[times.length];
    int[] lengths = new int[times.length];
    int size = 0;
    for (TimeOrderedEvents part : parts) {
      long firstChunk = chunks.size();
      chunks.addAll(part.chunks);
      System.arraycopy(part.times, 0, times, size, part.size);
      System.arraycopy(part.lengths, 0, lengths, size, part.size);
      for (int i = 0; i < part.size; i++) {
        positions[size + i] = part.positions[i] + (firstChunk << 32);
      }
      size += part.size;
    }
    return new TimeOrderedEvents(chunks, CHUNK_BYTES, times, positions, lengths, size); // the last chunk counts as full
  }

  /** {@code size} events held in {@code chunks}, of whose last one {@code used} bytes are taken. */
  private TimeOrderedEvents(List<byte[]> chunks, int used, long[] times, long[] positions, int[] lengths, int size) {
    this.chunks.addAll(chunks);
    this.chunk = chunks.get(chunks.size() - 1);
    this.used = used;
    this.times = times;
    this.positions = positions;
    this.lengths = lengths;
    this.size = size;
  }

  @Override
  public void accept(SpecificRecord event) {
    if (keep == null || keep.test(event)) {
      add(event);
    }
  }

  void add(SpecificRecord event) {
    byte kind = kindOf(event);
    byte[] bytes = serde(kind).toBytes(event);
    int length = 1 + bytes.length;
    if (used + length > CHUNK_BYTES) {
      chunk = new byte[Math.max(CHUNK_BYTES, length)];
      chunks.add(chunk);
      used = 0;
    }
    chunk[used] = kind;
    System.arraycopy(bytes, 0, chunk, used + 1, bytes.length);
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      positions = Arrays.copyOf(positions, capacity);
      lengths = Arrays.copyOf(lengths, capacity);
    }
    times[size] = EventFieldMapping.eventTime(event).toEpochMilli();
    positions[size] = (long) (chunks.size() - 1) << 32 | used;
    lengths[size] = length;
    size++;
    used += length;
    order = null;
  }

  int size() {
    return size;
  }

  /** Orders the events by event time; equal times keep their file order. */
  void sort() {
    order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    mergeSort(order, new int[size], 0, size);
  }

  /** The {@code rank}-th event in event-time order. */
  SpecificRecord eventAt(int rank) {
    int i = order[rank];
    byte[] holder = chunks.get((int) (positions[i] >>> 32));
    int offset = (int) positions[i];
    return serde(holder[offset]).fromBytes(holder, offset + 1, lengths[i] - 1);
  }

  private static byte kindOf(SpecificRecord event) {
    if (event instanceof Profile) {
      return 0;
    } else if (event instanceof FriendRequestEvent) {
      return 1;
    } else if (event instanceof MessageEvent) {
      return 2;
    } else if (event instanceof SafetyReport) {
      return 3;
    } else if (event instanceof ReviewVerdict) {
      return 4;
    }
    throw new IllegalArgumentException("not an event: " + event.getClass().getName());
  }

  @SuppressWarnings("unchecked")
  private static InternalAvroSerde<SpecificRecord> serde(byte kind) {
    return (InternalAvroSerde<SpecificRecord>) KINDS.get(kind);
  }

  /**
   * Stable merge sort of {@code indices[from, to)} by their times. Files are mostly in time order:
   * two halves already in order are not merged, so a sorted file costs one comparison a pair.
   */
  private void mergeSort(int[] indices, int[] scratch, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(indices, scratch, from, middle);
    mergeSort(indices, scratch, middle, to);
    if (times[indices[middle - 1]] <= times[indices[middle]]) {
      return;
    }
    System.arraycopy(indices, from, scratch, from, to - from);
    int left = from;
    int right = middle;
    for (int k = from; k < to; k++) {
      if (right >= to || (left < middle && times[scratch[left]] <= times[scratch[right]])) {
        indices[k] = scratch[left++];
      } else {
        indices[k] = scratch[right++];
      }
    }
  }
}
