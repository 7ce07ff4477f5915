package org.targetwatch.eventfile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Reads and writes event files held in memory, for tests. */
final class EventFiles {

  /** Everything a reader produced from one file. */
  record ReadResult(List<SpecificRecord> events, List<BadLine> badLines, ReadCounts counts) {
    SpecificRecord onlyEvent() {
      if (events.size() != 1 || !badLines.isEmpty()) {
        throw new AssertionError("expected exactly one event, got " + events + " and " + badLines);
      }
      return events.get(0);
    }
  }

  private EventFiles() {}

  static ReadResult read(String fileName, String content) {
    return read(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  static ReadResult read(String fileName, byte[] content) {
    List<SpecificRecord> events = new ArrayList<>();
    List<BadLine> badLines = new ArrayList<>();
    try (EventFileReader reader = new EventFileReader(new ByteArrayInputStream(content), fileName, badLines::add)) {
      reader.forEachEvent(events::add);
      return new ReadResult(events, badLines, reader.counts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event file the writer makes of these events. */
  static String write(SpecificRecord... events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EventFileWriter writer = new EventFileWriter(bytes)) {
      for (SpecificRecord event : events) {
        writer.write(event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Lines joined with newlines, each ended by one. */
  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
