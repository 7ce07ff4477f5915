package org.targetwatch.schema;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** The current schemas of the records that travel on topics, by name, and where their released versions are kept. */
final class ContractSchemas {

  /** {@code schema-history/vN/<Name>.avsc}: one directory per released version (schemas/README.md). */
  static final Path SCHEMA_HISTORY = Path.of("src", "test", "resources", "schema-history");

  /** Record types of the topics added since the latest released version: they have no history to be held to yet. */
  static final java.util.Set<String> NOT_YET_RELEASED = java.util.Set.of("SafetyReport", "ReviewVerdict");

  private ContractSchemas() {}

  /**
   * Profile, FriendRequestEvent, MessageEvent, SafetyReport, ReviewVerdict and Alert, as the
   * generated classes carry them.
   */
  static Map<String, Schema> current() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (Schema schema : new Schema[] {
      Profile.getClassSchema(), FriendRequestEvent.getClassSchema(),
      MessageEvent.getClassSchema(), SafetyReport.getClassSchema(), ReviewVerdict.getClassSchema(),
      Alert.getClassSchema()
    }) {
      schemas.put(schema.getName(), schema);
    }
    return schemas;
  }
}
