package org.targetwatch.eventfile;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.targetwatch.schema.Alert;

/**
 * Writes alerts as an alert file ({@code contract/event-files.md}, "Output records"): UTF-8, one
 * JSON object per line in the order given, {@code type} first. {@link AlertFileReader} reads it back.
 */
public final class AlertFileWriter implements Closeable, Flushable {

  private final JsonLinesOutput output;

  /** @param out where the lines go; buffered here, closed by {@link #close()} */
  public AlertFileWriter(OutputStream out) {
    this.output = new JsonLinesOutput(out);
  }

  /** Creates the file, or empties it if it exists. */
  public static AlertFileWriter create(Path file) throws IOException {
    return new AlertFileWriter(Files.newOutputStream(file));
  }

  /**
   * Writes one alert as one line.
   *
   * @throws IllegalArgumentException when a required field is null or a number is not finite;
   *     nothing is written then
   */
  public void write(Alert alert) throws IOException {
    output.writeLine(alert, AlertFieldMapping::writeAlert);
  }

  /** Alerts written so far. */
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
