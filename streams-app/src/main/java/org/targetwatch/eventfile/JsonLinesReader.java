package org.targetwatch.eventfile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON Lines file record by record, following the contract's general rules: blank lines
 * are skipped, every other line is one JSON object that becomes one record, and a line that cannot
 * become one is reported, counted and skipped, never aborting the file. The records' meaning is
 * the decoder's business (events or alerts).
 */
final class JsonLinesReader<T> implements Closeable {

  /** The record one parsed line holds. */
  @FunctionalInterface
  interface LineDecoder<T> {
    T decode(JsonNode line) throws EventFormatException;
  }

  /** Longer lines are reported and skipped, so one runaway line cannot exhaust memory. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final int MAX_REASON_CHARS = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final LineSource lines;
  private final String file;
  private final BadLineListener listener;
  private final LineDecoder<T> decoder;
  private long records;
  private long badLines;
  private long blankLines;

  JsonLinesReader(InputStream in, String file, BadLineListener listener, LineDecoder<T> decoder, int maxLineBytes) {
    this(new LineSource(in, maxLineBytes), file, listener, decoder);
  }

  JsonLinesReader(LineSource lines, String file, BadLineListener listener, LineDecoder<T> decoder) {
    this.lines = lines;
    this.file = file;
    this.listener = listener;
    this.decoder = decoder;
  }

  /** The next record, or null at the end of the file. */
  T next() throws IOException {
    while (lines.next()) {
      if (lines.tooLong()) {
        reportBadLine("line longer than " + lines.maxLineBytes() + " bytes");
      } else if (lines.isBlank()) {
        blankLines++;
      } else {
        T record = decodeLine();
        if (record != null) {
          records++;
          return record;
        }
      }
    }
    return null;
  }

  ReadCounts counts() {
    return new ReadCounts(lines.lineNumber(), records, badLines, blankLines);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** The line's record, or null when the line was bad (and has been reported). */
  private T decodeLine() {
    JsonNode line;
    try (JsonParser parser = FACTORY.createParser(lines.buffer(), lines.lineStart(), lines.lineLength())) {
      line = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        reportBadLine("more than one JSON value on the line");
        return null;
      }
    } catch (JacksonException notJson) {
      reportBadLine("not JSON: " + describe(notJson));
      return null;
    } catch (IOException unexpected) {
      // parsing bytes in memory does no I/O; still, a line must never abort the file
      reportBadLine("not JSON: " + unexpected.getMessage());
      return null;
    }
    try {
      return decoder.decode(line);
    } catch (EventFormatException badRecord) {
      reportBadLine(badRecord.reason());
      return null;
    }
  }

  private void reportBadLine(String reason) {
    badLines++;
    listener.onBadLine(new BadLine(file, lines.lineNumber(), reason));
  }

  /** Jackson's own words, on one line, without its dump of the source, with the column. */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > MAX_REASON_CHARS) {
      message = message.substring(0, MAX_REASON_CHARS) + "...";
    }
    JsonLocation location = e.getLocation();
    return location == null || location.getColumnNr() < 0
        ? message
        : message + " (column " + location.getColumnNr() + ")";
  }
}
