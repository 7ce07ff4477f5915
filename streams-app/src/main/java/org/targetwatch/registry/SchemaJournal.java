package org.targetwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registrations of a schema registry as a file, one JSON line per subject version
 * ({@code {"subject":..,"id":..,"schema":..}}), appended and synced to disk before the registry
 * answers: what {@code local-cluster} keeps in its data directory so that a restart serves the same
 * ids (records already on the topics name them). A torn last line (the process killed while
 * writing it) is ignored: its registration was never answered.
 */
public final class SchemaJournal {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One subject version. */
  public record Entry(String subject, int id, Schema schema) {}

  private final Path file;
  private final List<Entry> entries;

  private SchemaJournal(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** The journal in {@code file}, read if it exists. */
  public static SchemaJournal open(Path file) {
    List<Entry> entries = new ArrayList<>();
    if (Files.exists(file)) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode node = MAPPER.readTree(line);
            entries.add(new Entry(node.get("subject").asText(), node.get("id").asInt(),
                new Schema.Parser().parse(node.get("schema").asText())));
          } catch (IOException | SchemaParseException | NullPointerException e) {
            if (i < lines.size() - 1) {
              throw new IllegalStateException(file + ":" + (i + 1) + ": not a schema registration: " + e.getMessage(), e);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the schema journal " + file, e);
      }
    }
    return new SchemaJournal(file, entries);
  }

  /** What earlier registries wrote, in order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  synchronized void append(Entry entry) {
    String line = RegistryJson.write(MAPPER.createObjectNode()
        .put("subject", entry.subject()).put("id", entry.id()).put("schema", entry.schema().toString())) + "\n";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot keep the registration of subject '" + entry.subject() + "' in " + file
          + ": " + e.getMessage(), 500, RegistryErrorCodes.STORE_ERROR, e);
    }
    entries.add(entry);
  }
}
