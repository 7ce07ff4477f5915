package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/** The client configuration reads Confluent's keys, and says clearly what is wrong with a bad one. */
class RegistryClientConfigTest {

  @Test
  void aMissingUrlIsExplained() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("schema.registry.url is missing: set it to the registry's base URL");
  }

  @Test
  void aUrlThatIsNotHttpOrMockIsRejectedWithTheExpectedForms() {
    assertThatThrownBy(() -> RegistryClientConfig.forUrl("localhost:8081"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("schema.registry.url 'localhost:8081' is not valid: expected http://host:port, https://host:port or mock://scope");
    assertThatThrownBy(() -> RegistryClientConfig.forUrl("http://bad host"))
        .hasMessageContaining("is not a valid URL");
  }

  @Test
  void defaultsAreThoseOfConfluentsSerdes() {
    RegistryClientConfig config = RegistryClientConfig.forUrl("http://registry:8081");

    assertThat(config.urls()).containsExactly(URI.create("http://registry:8081"));
    assertThat(config.auth()).isEqualTo(RegistryAuth.NONE);
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.isMock()).isFalse();
  }

  @Test
  void everyKeyIsRead() {
    Map<String, Object> configs = new HashMap<>();
    configs.put(RegistryConfigKeys.URL, "https://a:8081, https://b:8081/apis/ccompat/v7");
    configs.put(RegistryConfigKeys.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    configs.put(RegistryConfigKeys.BASIC_AUTH_USER_INFO, new Password("tw:pw"));
    configs.put(RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION, "/etc/tw/trust.p12");
    configs.put(RegistryConfigKeys.SSL_TRUSTSTORE_PASSWORD, new Password("trustpw"));
    configs.put(RegistryConfigKeys.SSL_TRUSTSTORE_TYPE, "PKCS12");
    configs.put(RegistryConfigKeys.SSL_KEYSTORE_LOCATION, "/etc/tw/key.jks");
    configs.put(RegistryConfigKeys.SSL_KEYSTORE_PASSWORD, "keypw");
    configs.put(RegistryConfigKeys.REQUEST_TIMEOUT_MS, 1500);
    configs.put(RegistryConfigKeys.AUTO_REGISTER_SCHEMAS, false);

    RegistryClientConfig config = RegistryClientConfig.from(configs);

    assertThat(config.urls()).containsExactly(URI.create("https://a:8081"), URI.create("https://b:8081/apis/ccompat/v7"));
    assertThat(config.auth()).isEqualTo(new RegistryAuth.Basic("tw", "pw"));
    assertThat(config.tls()).isEqualTo(new RegistryTls("/etc/tw/trust.p12", "trustpw", "PKCS12", "/etc/tw/key.jks", "keypw", "JKS", null));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.autoRegisterSchemas()).isFalse();
  }

  @Test
  void credentialsInTheUrlMoveIntoTheAuthAndNeverShowInToString() {
    RegistryClientConfig config = RegistryClientConfig.forUrl("https://tw:hunter2@registry:8081");

    assertThat(config.urls()).containsExactly(URI.create("https://registry:8081"));
    assertThat(config.auth()).isEqualTo(new RegistryAuth.Basic("tw", "hunter2"));
    assertThat(config.toString()).doesNotContain("hunter2");
  }

  @Test
  void secretsNeverShowInToString() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of(
        RegistryConfigKeys.URL, "https://registry:8081",
        RegistryConfigKeys.BEARER_AUTH_TOKEN, "tok-secret",
        RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION, "/trust.jks",
        RegistryConfigKeys.SSL_TRUSTSTORE_PASSWORD, "trust-secret"));

    assertThat(config.toString()).contains("/trust.jks").doesNotContain("tok-secret").doesNotContain("trust-secret");
  }

  @Test
  void aMalformedUserInfoIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
            RegistryConfigKeys.URL, "http://r:8081", RegistryConfigKeys.BASIC_AUTH_USER_INFO, "justapassword")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("basic.auth.user.info must have the form user:password");
  }

  @Test
  void basicAuthAndABearerTokenTogetherAreRejected() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
            RegistryConfigKeys.URL, "http://r:8081",
            RegistryConfigKeys.BASIC_AUTH_USER_INFO, "a:b",
            RegistryConfigKeys.BEARER_AUTH_TOKEN, "t")))
        .hasMessage("both basic auth and bearer.auth.token are set for the schema registry: set only one");
  }

  @Test
  void anInvalidTimeoutNamesTheKeyAndValue() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(RegistryConfigKeys.URL, "http://r:8081", RegistryConfigKeys.REQUEST_TIMEOUT_MS, "soon")))
        .hasMessage("schema.registry.request.timeout.ms must be a positive number of milliseconds, got 'soon'");
  }

  @Test
  void aMockUrlNamesItsScopeAndCreatesTheSharedInMemoryRegistry() {
    RegistryClientConfig config = RegistryClientConfig.forUrl("mock://registry_config_test");
    try {
      assertThat(config.isMock()).isTrue();
      assertThat(config.mockScope()).isEqualTo("registry_config_test");
      assertThat(SchemaRegistryClients.create(config)).isSameAs(InMemorySchemaRegistry.forScope("registry_config_test"));
      assertThat(SchemaRegistryClients.create(RegistryClientConfig.forUrl("http://r:8081"))).isInstanceOf(HttpSchemaRegistryClient.class);
    } finally {
      InMemorySchemaRegistry.dropScope("registry_config_test");
    }
  }
}
