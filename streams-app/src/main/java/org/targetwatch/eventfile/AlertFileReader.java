package org.targetwatch.eventfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.targetwatch.schema.Alert;

/**
 * Streams the alerts of an alert file ({@code contract/event-files.md}, "Output records"), as
 * written by {@link AlertFileWriter} or another tool, in file order. Bad lines are handled as in
 * {@link EventFileReader}: reported with line number and reason, counted, skipped.
 */
public final class AlertFileReader implements Closeable {

  private final JsonLinesReader<Alert> lines;

  /**
   * @param in the file's bytes (UTF-8); closed by {@link #close()}
   * @param fileName how bad lines name the file
   */
  public AlertFileReader(InputStream in, String fileName, BadLineListener listener) {
    this.lines = new JsonLinesReader<>(
        in, fileName, listener, AlertFieldMapping::alertFromJson, JsonLinesReader.MAX_LINE_BYTES);
  }

  /** Opens the file; bad lines name it as the path was given. */
  public static AlertFileReader open(Path file, BadLineListener listener) throws IOException {
    return new AlertFileReader(Files.newInputStream(file), file.toString(), listener);
  }

  /** Reads the whole file into {@code action}, in file order, and returns what was seen. */
  public static ReadCounts readAll(Path file, BadLineListener listener, Consumer<? super Alert> action)
      throws IOException {
    try (AlertFileReader reader = open(file, listener)) {
      reader.forEachAlert(action);
      return reader.counts();
    }
  }

  /** The next alert in file order, or null at the end of the file. */
  public Alert nextAlert() throws IOException {
    return lines.next();
  }

  /** Hands every remaining alert to {@code action}, in file order. */
  public void forEachAlert(Consumer<? super Alert> action) throws IOException {
    for (Alert alert = lines.next(); alert != null; alert = lines.next()) {
      action.accept(alert);
    }
  }

  /** Lines read so far: alerts, bad lines and blank lines. */
  public ReadCounts counts() {
    return lines.counts();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
