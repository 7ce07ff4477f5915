package org.targetwatch.replay;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the lines of a large event file by event time without holding the events: a first pass
 * keeps three numbers per line (event time, byte offset, length), the indices are sorted by time
 * (stable for equal times, so file order breaks ties), and the lines are then read back from a
 * memory-mapped file in that order.
 */
final class EventTimeIndex implements AutoCloseable {
  private static final int CHUNK = Integer.MAX_VALUE - 8;

  private final FileChannel channel;
  private final List<MappedByteBuffer> chunks = new ArrayList<>();
  private long[] times = new long[1 << 16];
  private long[] offsets = new long[1 << 16];
  private int[] lengths = new int[1 << 16];
  private long[] lineNumbers = new long[1 << 16];
  private int size;
  private int[] order;

  EventTimeIndex(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    long fileSize = channel.size();
    for (long start = 0; start < fileSize; start += CHUNK) {
      chunks.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(CHUNK, fileSize - start)));
    }
  }

  void add(long eventTime, long offset, int length, long lineNumber) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      offsets = Arrays.copyOf(offsets, capacity);
      lengths = Arrays.copyOf(lengths, capacity);
      lineNumbers = Arrays.copyOf(lineNumbers, capacity);
    }
    times[size] = eventTime;
    offsets[size] = offset;
    lengths[size] = length;
    lineNumbers[size] = lineNumber;
    size++;
  }

  int size() {
    return size;
  }

  void sort() {
    Integer[] boxed = new Integer[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> {
      int byTime = Long.compare(times[a], times[b]);
      return byTime != 0 ? byTime : Integer.compare(a, b);
    });
    order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = boxed[i];
    }
  }

  /** The bytes of the {@code rank}-th line in event-time order. */
  byte[] lineAt(int rank) {
    int i = order[rank];
    byte[] bytes = new byte[lengths[i]];
    long offset = offsets[i];
    int chunk = (int) (offset / CHUNK);
    int within = (int) (offset % CHUNK);
    MappedByteBuffer buffer = chunks.get(chunk);
    int first = Math.min(bytes.length, buffer.limit() - within);
    buffer.get(within, bytes, 0, first);
    if (first < bytes.length) {
      chunks.get(chunk + 1).get(0, bytes, first, bytes.length - first);
    }
    return bytes;
  }

  long lineNumberAt(int rank) {
    return lineNumbers[order[rank]];
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
