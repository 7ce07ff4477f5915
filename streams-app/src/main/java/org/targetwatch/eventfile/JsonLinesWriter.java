package org.targetwatch.eventfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;

/** Writes events or alerts as JSON Lines in the contract's format, {@code type} first. */
public final class JsonLinesWriter implements Closeable, Flushable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private long written;

  public JsonLinesWriter(Writer out) {
    this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
  }

  public static JsonLinesWriter to(Path file) throws IOException {
    return new JsonLinesWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  public void write(SpecificRecord record) {
    try {
      out.write(JSON.writeValueAsString(JsonAvroMapping.toJson(record)));
      out.write('\n');
      written++;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long written() {
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
