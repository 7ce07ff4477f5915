package org.targetwatch.eventfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads an event or alert file line by line, never the whole file at once. A bad line is reported
 * to the {@link BadLineListener} with the file name, its line number and the reason, counted and
 * skipped; the rest of the file is still read. Lines are delivered in file order (ordering by event
 * time is the replay's job).
 */
public final class EventFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Receives the records read; {@code lineNumber} counts from 1. */
  @FunctionalInterface
  public interface RecordHandler {
    void onRecord(long lineNumber, SpecificRecord record);
  }

  /** Hears about each bad line. */
  @FunctionalInterface
  public interface BadLineListener {
    void onBadLine(String file, long lineNumber, String reason);
  }

  /** What a read saw. */
  public record Counts(long lines, long records, long badLines, long blankLines) {}

  private final Set<RecordType> accepted;
  private final BadLineListener badLines;

  /** @param accepted the record types this file may hold; other valid types are bad lines too */
  public EventFileReader(Set<RecordType> accepted, BadLineListener badLines) {
    this.accepted = Set.copyOf(accepted);
    this.badLines = badLines;
  }

  public static EventFileReader forEvents(BadLineListener badLines) {
    return new EventFileReader(Set.of(RecordType.PROFILE, RecordType.FRIEND_REQUEST, RecordType.MESSAGE), badLines);
  }

  public static EventFileReader forAlerts(BadLineListener badLines) {
    return new EventFileReader(Set.of(RecordType.ALERT), badLines);
  }

  public Counts read(Path file, RecordHandler handler) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.getFileName().toString(), reader, handler);
    }
  }

  public Counts read(String fileName, Reader source, RecordHandler handler) throws IOException {
    BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
    long lines = 0;
    long records = 0;
    long bad = 0;
    long blank = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lines++;
      if (line.isBlank()) {
        blank++;
        continue;
      }
      try {
        handler.onRecord(lines, parse(line));
        records++;
      } catch (BadLineException e) {
        bad++;
        badLines.onBadLine(fileName, lines, e.getMessage());
      }
    }
    return new Counts(lines, records, bad, blank);
  }

  /** Parses one line into its Avro record. */
  public SpecificRecord parse(String line) throws BadLineException {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException("not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new BadLineException("not a JSON object");
    }
    JsonNode typeNode = json.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new BadLineException("missing required field 'type'");
    }
    RecordType type = RecordType.named(typeNode.textValue());
    if (type == null || !accepted.contains(type)) {
      throw new BadLineException("unknown type '" + typeNode.textValue() + "'");
    }
    return JsonAvroMapping.fromJson(type, json);
  }
}
