package org.targetwatch.registry;

import org.apache.avro.Schema;

/**
 * The three questions a serde asks a schema registry (the Confluent REST subset). Implementations
 * cache answers, so asking the same question twice never costs a second round trip.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
   * returns its global id; registering the same schema again returns the same id.
   */
  int register(String subject, Schema schema);

  /** The id of {@code schema} already registered under {@code subject} ({@code POST /subjects/{subject}}), without registering it. */
  int idOf(String subject, Schema schema);

  /** The schema with the global id {@code id} ({@code GET /schemas/ids/{id}}). */
  Schema schemaById(int id);
}
