package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Profile;

/** The client authenticates as configured, and a refusal says so without repeating the secret. */
class RegistryAuthTest {

  @Test
  void wrongBasicCredentialsGiveAClear401WithoutThePassword() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().basicAuth("targetwatch", "s3cret-right").start()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
          RegistryConfigKeys.URL, registry.url(),
          RegistryConfigKeys.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
          RegistryConfigKeys.BASIC_AUTH_USER_INFO, "targetwatch:s3cret-wrong")));

      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
          () -> client.register("profiles-value", Profile.getClassSchema()));

      assertThat(e).hasMessage("Schema registry could not register a schema under subject 'profiles-value': POST " + registry.url()
          + "/subjects/profiles-value/versions answered HTTP 401, error_code 401: Unauthorized"
          + " (check basic.auth.user.info or bearer.auth.token)");
      assertThat(e.getMessage()).doesNotContain("s3cret");
      assertThat(e.httpStatus()).isEqualTo(401);
    }
  }

  @Test
  void noCredentialsAtAllAreRefusedToo() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().basicAuth("targetwatch", "s3cret").start()) {
      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
          () -> new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())).schemaById(1));

      assertThat(e.httpStatus()).isEqualTo(401);
    }
  }

  @Test
  void rightBasicCredentialsWork() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().basicAuth("targetwatch", "s3cret:with-colon").start()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
          RegistryConfigKeys.URL, registry.url(),
          RegistryConfigKeys.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
          RegistryConfigKeys.BASIC_AUTH_USER_INFO, "targetwatch:s3cret:with-colon")));

      int id = client.register("profiles-value", Profile.getClassSchema());

      assertThat(registry.store().schemaById(id)).isEqualTo(Profile.getClassSchema());
    }
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuth() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().basicAuth("targetwatch", "s3cret").start()) {
      String url = registry.url().replace("http://", "http://targetwatch:s3cret@");
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(url));

      int id = client.register("profiles-value", Profile.getClassSchema());

      assertThat(id).isEqualTo(1);
    }
  }

  @Test
  void theBearerTokenIsSent() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().bearerToken("tok-123").start()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
          RegistryConfigKeys.URL, registry.url(),
          RegistryConfigKeys.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
          RegistryConfigKeys.BEARER_AUTH_TOKEN, "tok-123")));

      assertThat(client.register("profiles-value", Profile.getClassSchema())).isEqualTo(1);
    }
  }

  @Test
  void aWrongBearerTokenIsRefusedWithoutRepeatingIt() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().bearerToken("tok-123").start()) {
      HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
          RegistryConfigKeys.URL, registry.url(), RegistryConfigKeys.BEARER_AUTH_TOKEN, "tok-999")));

      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1));

      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("tok-999");
    }
  }
}
