package org.targetwatch.eventfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes records as JSON Lines in UTF-8, one object per line. Each line is built in memory first
 * and reaches the file only when complete, so a record that fails half-way (a null required
 * field) leaves no broken line behind.
 */
final class JsonLinesOutput implements Closeable, Flushable {

  /** Writes one record as one JSON object. */
  @FunctionalInterface
  interface RecordWriter<T> {
    void write(T record, JsonGenerator out) throws IOException;
  }

  /** Characters outside the BMP (emoji in ids) are written as UTF-8, not as escaped surrogate pairs. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  private static final int BUFFER_BYTES = 1 << 16;

  private final OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  /** Writes into {@code line}; reused from record to record, replaced after a failed one. */
  private JsonGenerator generator;
  private long written;

  JsonLinesOutput(OutputStream out) {
    this.out = new BufferedOutputStream(out, BUFFER_BYTES);
  }

  <T> void writeLine(T record, RecordWriter<T> writer) throws IOException {
    line.reset();
    if (generator == null) {
      generator = FACTORY.createGenerator(line);
      generator.setRootValueSeparator(null); // lines are separated by newlines, written below
    }
    boolean complete = false;
    try {
      writer.write(record, generator);
      generator.flush();
      complete = true;
    } finally {
      if (!complete) {
        // the generator is stuck inside the failed record: drop it with its half line
        generator = null;
      }
    }
    line.write('\n');
    line.writeTo(out);
    written++;
  }

  long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
