package org.targetwatch.registry;

/** Picks the client a configuration asks for: {@code mock://scope} in memory, {@code http(s)://} over HTTP. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(RegistryClientConfig config) {
    return config.isMock() ? InMemorySchemaRegistry.forScope(config.mockScope()) : new HttpSchemaRegistryClient(config);
  }
}
