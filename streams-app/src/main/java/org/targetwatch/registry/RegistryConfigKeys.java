package org.targetwatch.registry;

/**
 * The configuration keys of the schema registry client, spelled as Confluent's serdes spell them so
 * that an existing Kafka client configuration works unchanged. The one place these names live: the
 * runtime configuration reuses them.
 */
public final class RegistryConfigKeys {

  /** One or more comma-separated base URLs: {@code http(s)://host:port[/prefix]}, or {@code mock://scope}. */
  public static final String URL = "schema.registry.url";

  /** Where basic-auth credentials come from: {@code USER_INFO} (the key below) or {@code URL} (user info in the URL). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** Basic-auth credentials as {@code user:password}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Where the bearer token comes from: only {@code STATIC_TOKEN} (the key below) is supported. */
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";

  /** A static bearer token, sent as {@code Authorization: Bearer <token>}. */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  /** Key store type of the trust store, {@code JKS} (default) or {@code PKCS12}. */
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  /** Key store type of the client key store, {@code JKS} (default) or {@code PKCS12}. */
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  /** Password of the private key in the key store; defaults to the key store password. */
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";

  /** How long one HTTP request may take, connection included, in milliseconds. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /** How long opening a connection may take, in milliseconds (not a Confluent key: ours). */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

  /** Whether serializers register their schema ({@code true}, default) or only look its id up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  public static final boolean DEFAULT_AUTO_REGISTER_SCHEMAS = true;
  public static final String DEFAULT_STORE_TYPE = "JKS";

  private RegistryConfigKeys() {}
}
