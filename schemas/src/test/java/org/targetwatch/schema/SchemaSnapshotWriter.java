package org.targetwatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Saves the current schemas as a released version, {@code schema-history/<version>/<Name>.avsc},
 * each self-contained (the named enums inlined), for {@link SchemaCompatibilityTest} to hold later
 * schemas to. Run once per release, then commit the new directory:
 * {@code mvn -o -q -pl schemas test -Dtest=SchemaSnapshotWriter -Dtargetwatch.schema.snapshot=v2}.
 */
@EnabledIfSystemProperty(named = "targetwatch.schema.snapshot", matches = "v[0-9]+")
class SchemaSnapshotWriter {

  @Test
  void theCurrentSchemasAreSavedAsTheReleasedVersion() throws IOException {
    String version = System.getProperty("targetwatch.schema.snapshot");
    Path directory = ContractSchemas.SCHEMA_HISTORY.resolve(version);
    Files.createDirectories(directory);

    for (Map.Entry<String, Schema> schema : ContractSchemas.current().entrySet()) {
      Path file = directory.resolve(schema.getKey() + ".avsc");
      String snapshot = SchemaFormatter.format("json/pretty", schema.getValue()) + "\n";
      if (Files.exists(file)) {
        // a released version is history: it is never rewritten
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
            .as(file + " is already released with different content; snapshot a new version instead")
            .isEqualTo(snapshot);
        continue;
      }
      Files.writeString(file, snapshot, StandardCharsets.UTF_8);
      System.out.println("saved " + file);

      assertThat(new Schema.Parser().parse(file.toFile())).isEqualTo(schema.getValue());
    }
  }
}
