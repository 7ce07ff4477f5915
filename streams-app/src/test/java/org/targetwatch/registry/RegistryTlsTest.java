package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Profile;

/**
 * HTTPS to the registry with a private CA: a self-signed server certificate made by the JDK's
 * {@code keytool}, served by the embedded registry, trusted by the client through a trust store.
 */
class RegistryTlsTest {

  private static final String SERVER_STORE_PASSWORD = "server-pass";
  private static final String TRUST_STORE_PASSWORD = "trust-pass";

  @TempDir static Path dir;
  private static Path serverKeyStore;
  private static Path trustStore;

  @BeforeAll
  static void makeCertificates() throws Exception {
    serverKeyStore = dir.resolve("registry.p12");
    trustStore = dir.resolve("trust.jks");
    Path certificate = dir.resolve("registry.pem");
    keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", serverKeyStore.toString(), "-storetype", "PKCS12", "-storepass", SERVER_STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "registry", "-file", certificate.toString(),
        "-keystore", serverKeyStore.toString(), "-storetype", "PKCS12", "-storepass", SERVER_STORE_PASSWORD);
    keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
        "-keystore", trustStore.toString(), "-storetype", "JKS", "-storepass", TRUST_STORE_PASSWORD);
  }

  private static EmbeddedSchemaRegistry httpsRegistry() {
    RegistryTls serverTls = new RegistryTls(null, null, null, serverKeyStore.toString(), SERVER_STORE_PASSWORD, "PKCS12", null);
    return EmbeddedSchemaRegistry.builder().tls(serverTls.sslContext()).start();
  }

  @Test
  void aClientTrustingTheRegistrysCertificateRegistersAndFetchesOverHttps() {
    try (EmbeddedSchemaRegistry registry = httpsRegistry()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
          RegistryConfigKeys.URL, registry.url(),
          RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION, trustStore.toString(),
          RegistryConfigKeys.SSL_TRUSTSTORE_PASSWORD, TRUST_STORE_PASSWORD,
          RegistryConfigKeys.SSL_TRUSTSTORE_TYPE, "JKS")));

      int id = client.register("profiles-value", Profile.getClassSchema());
      HttpSchemaRegistryClient second = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())
          .withTls(RegistryTls.trusting(trustStore.toString(), TRUST_STORE_PASSWORD, "JKS")));

      assertThat(registry.url()).startsWith("https://127.0.0.1:");
      assertThat(second.schemaById(id)).isEqualTo(Profile.getClassSchema());
    }
  }

  @Test
  void aClientWithoutTheTrustStoreFailsWithATlsMessagePointingAtTheTrustStoreKey() {
    try (EmbeddedSchemaRegistry registry = httpsRegistry()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));

      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageStartingWith("Schema registry could not fetch schema id 1: TLS with " + registry.url() + " failed: ")
          .hasMessageContaining("PKIX path building failed")
          .hasMessageEndingWith("(check schema.registry.ssl.truststore.location)");
    }
  }

  @Test
  void aWrongTrustStorePasswordIsAConfigErrorWithoutThePassword() {
    RegistryTls tls = RegistryTls.trusting(trustStore.toString(), "not-the-pass", "JKS");

    assertThatThrownBy(tls::sslContext)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read schema.registry.ssl.truststore.location '" + trustStore + "' (type JKS): ")
        .hasMessageContaining("password")
        .hasMessageNotContaining("not-the-pass");
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
    }
  }
}
