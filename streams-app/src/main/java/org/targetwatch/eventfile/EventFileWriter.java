package org.targetwatch.eventfile;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes events as an event file ({@code contract/event-files.md}): UTF-8, one JSON object per
 * line, {@code type} first. The simulator's output; {@link EventFileReader} reads it back.
 */
public final class EventFileWriter implements Closeable, Flushable {

  private final JsonLinesOutput output;

  /** @param out where the lines go; buffered here, closed by {@link #close()} */
  public EventFileWriter(OutputStream out) {
    this.output = new JsonLinesOutput(out);
  }

  /** Creates the file, or empties it if it exists. */
  public static EventFileWriter create(Path file) throws IOException {
    return new EventFileWriter(Files.newOutputStream(file));
  }

  /**
   * Writes one event as one line.
   *
   * @param event a {@link org.targetwatch.schema.Profile}, {@link
   *     org.targetwatch.schema.FriendRequestEvent} or {@link org.targetwatch.schema.MessageEvent}
   * @throws IllegalArgumentException for any other record, or one that lacks a required field;
   *     nothing is written then
   */
  public void write(SpecificRecord event) throws IOException {
    output.writeLine(event, EventFieldMapping::writeEvent);
  }

  /** Events written so far. */
  public long written() {
    return output.written();
  }

  @Override
  public void flush() throws IOException {
    output.flush();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
