package org.targetwatch.eventfile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads a large event file on several threads: the file is cut into sections of whole lines, each
 * read by its own {@link EventFileReader} into its own sink, in file order within the section.
 * Together the sinks get every event of the file exactly once; taken in section order, in file
 * order. Bad lines reach the listener as a single reader would report them: in file order, with
 * their line numbers in the whole file (a section's are held until the sections before it are
 * read and its first line number is known).
 */
public final class EventFileSections {
  /** Below this many bytes per section a file is read on the calling thread, in one piece. */
  public static final long MIN_SECTION_BYTES = 16L << 20;
  private static final int MAX_SECTIONS = 8;
  private static final int SCAN_BYTES = 1 << 16;

  /** What each section's sink got, in section (so file) order, and what the file held. */
  public record Read<S>(List<S> sinks, ReadCounts counts) {}

  private EventFileSections() {}

  /**
   * Reads {@code file} in at most {@code threads} (and 8) sections of at least {@code
   * minSectionBytes}; in one piece on the calling thread when it is smaller than two sections.
   */
  public static <S extends Consumer<? super SpecificRecord>> Read<S> readAll(Path file, BadLineListener listener,
      Supplier<S> sinks, int threads, long minSectionBytes) throws IOException {
    long size = Files.size(file);
    int sections = (int) Math.max(1, Math.min(Math.min(threads, MAX_SECTIONS), size / Math.max(1, minSectionBytes)));
    if (sections == 1) {
      S sink = sinks.get();
      ReadCounts counts = EventFileReader.readAll(file, listener, sink);
      return new Read<>(List.of(sink), counts);
    }
    List<Section<S>> parts = new ArrayList<>();
    long[] starts = lineStarts(file, size, sections);
    for (int i = 0; i < sections; i++) {
      parts.add(new Section<>(file, starts[i], i + 1 < sections ? starts[i + 1] : size, sinks.get()));
    }
    readConcurrently(parts);
    return merge(parts, listener);
  }

  /** One section's lines, its sink, and the bad lines it saw (numbered from its first line). */
  private static final class Section<S extends Consumer<? super SpecificRecord>> {
    final Path file;
    final long start;
    final long end;
    final S sink;
    final List<BadLine> badLines = new ArrayList<>();
    ReadCounts counts;

    Section(Path file, long start, long end, S sink) {
      this.file = file;
      this.start = start;
      this.end = end;
      this.sink = sink;
    }

    void read() throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        in.skipNBytes(start); // a seek, on a file
        EventFileReader reader = new EventFileReader(new Bounded(in, end - start), file.toString(), badLines::add,
            start == 0);
        reader.forEachEvent(sink);
        counts = reader.counts();
      }
    }
  }

  private static <S extends Consumer<? super SpecificRecord>> void readConcurrently(List<Section<S>> parts)
      throws IOException {
    ExecutorService threads = Executors.newFixedThreadPool(parts.size(), runnable -> {
      Thread thread = new Thread(runnable, "event-file-section");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (Section<S> part : parts) {
        reads.add(threads.submit(() -> {
          part.read();
          return null;
        }));
      }
      for (Future<?> read : reads) {
        read.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the event file", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** Reports the bad lines in file order with whole-file line numbers, and sums the counts. */
  private static <S extends Consumer<? super SpecificRecord>> Read<S> merge(List<Section<S>> parts,
      BadLineListener listener) {
    long linesBefore = 0;
    long records = 0;
    long badLines = 0;
    long blankLines = 0;
    List<S> sinks = new ArrayList<>();
    for (Section<S> part : parts) {
      for (BadLine bad : part.badLines) {
        listener.onBadLine(new BadLine(bad.file(), linesBefore + bad.lineNumber(), bad.reason()));
      }
      linesBefore += part.counts.lines();
      records += part.counts.records();
      badLines += part.counts.badLines();
      blankLines += part.counts.blankLines();
      sinks.add(part.sink);
    }
    return new Read<>(sinks, new ReadCounts(linesBefore, records, badLines, blankLines));
  }

  /**
   * Where each of {@code sections} equal parts of the file starts, moved on to the start of a line:
   * just after the first newline at or after the cut. A line longer than a section leaves the
   * sections it covers empty.
   */
  private static long[] lineStarts(Path file, long size, int sections) throws IOException {
    long[] starts = new long[sections];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(SCAN_BYTES);
      for (int i = 1; i < sections; i++) {
        long cut = Math.max(starts[i - 1], size / sections * i);
        starts[i] = cut == 0 ? 0 : lineStartAtOrAfter(channel, cut, size, buffer);
      }
    }
    return starts;
  }

  /** The position after the first newline at or after {@code cut - 1}; {@code size} if none. */
  private static long lineStartAtOrAfter(FileChannel channel, long cut, long size, ByteBuffer buffer)
      throws IOException {
    long position = cut - 1;
    while (position < size) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return size;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += read;
    }
    return size;
  }

  /** At most {@code remaining} bytes of a stream. */
  private static final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long remaining) {
      super(in);
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int read = super.read(into, offset, (int) Math.min(length, remaining));
      if (read > 0) {
        remaining -= read;
      }
      return read;
    }
  }
}
