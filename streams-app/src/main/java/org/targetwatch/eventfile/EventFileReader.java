package org.targetwatch.eventfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Streams the events of an event file ({@code contract/event-files.md}) in file order, as the Avro
 * records the topics carry: {@link org.targetwatch.schema.Profile}, {@link
 * org.targetwatch.schema.FriendRequestEvent} and {@link org.targetwatch.schema.MessageEvent}. Lines
 * are read one at a time; the file is never held whole, and its order is kept (putting events in
 * event-time order is the replay's job). A bad line goes to the {@link BadLineListener} with its
 * line number and reason, is counted and skipped; reading goes on with the next line.
 */
public final class EventFileReader implements Closeable {
  private final JsonLinesReader<SpecificRecord> lines;

  /**
   * @param in the file's bytes (UTF-8); closed by {@link #close()}
   * @param fileName how bad lines name the file
   */
  public EventFileReader(InputStream in, String fileName, BadLineListener listener) {
    this(in, fileName, listener, true);
  }

  /**
   * @param startOfFile false when {@code in} starts at a line further into the file: its line
   *     numbers then count from that line ({@link EventFileSections} shifts them)
   */
  EventFileReader(InputStream in, String fileName, BadLineListener listener, boolean startOfFile) {
    this.lines = new JsonLinesReader<>(new LineSource(in, JsonLinesReader.MAX_LINE_BYTES, startOfFile), fileName,
        listener, EventFieldMapping::eventFromJson);
  }

  /** Opens the file; bad lines name it as the path was given. */
  public static EventFileReader open(Path file, BadLineListener listener) throws IOException {
    return new EventFileReader(Files.newInputStream(file), file.toString(), listener);
  }

  /** Reads the whole file into {@code action}, in file order, and returns what was seen. */
  public static ReadCounts readAll(Path file, BadLineListener listener, Consumer<? super SpecificRecord> action)
      throws IOException {
    try (EventFileReader reader = open(file, listener)) {
      reader.forEachEvent(action);
      return reader.counts();
    }
  }

  /** The next event in file order, or null at the end of the file. */
  public SpecificRecord nextEvent() throws IOException {
    return lines.next();
  }

  /** Hands every remaining event to {@code action}, in file order. */
  public void forEachEvent(Consumer<? super SpecificRecord> action) throws IOException {
    for (SpecificRecord event = lines.next(); event != null; event = lines.next()) {
      action.accept(event);
    }
  }

  /** Lines read so far: events, bad lines and blank lines. */
  public ReadCounts counts() {
    return lines.counts();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
