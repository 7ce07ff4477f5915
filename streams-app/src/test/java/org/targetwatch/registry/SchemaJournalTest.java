package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJournalTest {
  private static final Schema V1 = SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id").endRecord();
  private static final Schema V2 = SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id")
      .optionalString("note").endRecord();
  private static final Schema OTHER = SchemaBuilder.record("Other").namespace("t").fields().requiredLong("at").endRecord();

  @Test
  void aRegistryRestartedOnItsJournalServesTheSameIdsAndGivesNewSchemasNewOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("schemas.jsonl");
    InMemorySchemaRegistry before = InMemorySchemaRegistry.keptIn(SchemaJournal.open(file));
    int v1 = before.register("things-value", V1);
    int v2 = before.register("things-value", V2);
    int same = before.register("others-value", V1); // the same schema under another subject keeps its id

    InMemorySchemaRegistry after = InMemorySchemaRegistry.keptIn(SchemaJournal.open(file));
    assertThat(after.schemaById(v1)).isEqualTo(V1);
    assertThat(after.schemaById(v2)).isEqualTo(V2);
    assertThat(after.idOf("others-value", V1)).isEqualTo(same).isEqualTo(v1);
    assertThat(after.versions("things-value")).containsExactly(1, 2);
    assertThat(after.register("things-value", V2)).isEqualTo(v2);
    assertThat(after.register("others2-value", OTHER)).isGreaterThan(v2);
  }

  @Test
  void aLineTornByAKilledProcessIsIgnored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("schemas.jsonl");
    int id = InMemorySchemaRegistry.keptIn(SchemaJournal.open(file)).register("things-value", V1);
    Files.writeString(file, "{\"subject\":\"x-value\",\"id\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    InMemorySchemaRegistry after = InMemorySchemaRegistry.keptIn(SchemaJournal.open(file));
    assertThat(after.schemaById(id)).isEqualTo(V1);
    assertThat(after.subjects()).containsExactly("things-value");
  }
}
