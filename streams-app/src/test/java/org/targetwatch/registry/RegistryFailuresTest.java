package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Profile;

/** Every way a registry can fail gives one clear line saying what was asked, where, and what came back. */
class RegistryFailuresTest {

  private static HttpSchemaRegistryClient clientFor(String url) {
    return new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
        RegistryConfigKeys.URL, url, RegistryConfigKeys.REQUEST_TIMEOUT_MS, "300")));
  }

  @Test
  void anUnknownIdIsReportedWithTheRegistrysErrorCodeAndMessage() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> clientFor(registry.url()).schemaById(42));

      assertThat(e).hasMessage("Schema registry could not fetch schema id 42: GET " + registry.url()
          + "/schemas/ids/42 answered HTTP 404, error_code 40403: Schema 42 not found");
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.SCHEMA_NOT_FOUND);
    }
  }

  @Test
  void lookingUpASchemaUnderAnUnknownSubjectSaysTheSubjectIsNotFound() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      assertThatThrownBy(() -> clientFor(registry.url()).idOf("profiles-value", Profile.getClassSchema()))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessage("Schema registry could not look up a schema under subject 'profiles-value': POST " + registry.url()
              + "/subjects/profiles-value answered HTTP 404, error_code 40401: Subject 'profiles-value' not found.");
    }
  }

  @Test
  void aServerErrorWithConfluentErrorJsonIsReportedWithItsCode() {
    try (StubRegistryServer stub = StubRegistryServer.answering(500, "{\"error_code\":50001,\"message\":\"Error in the backend datastore\"}")) {
      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
          () -> clientFor(stub.url()).register("profiles-value", Profile.getClassSchema()));

      assertThat(e).hasMessage("Schema registry could not register a schema under subject 'profiles-value': POST " + stub.url()
          + "/subjects/profiles-value/versions answered HTTP 500, error_code 50001: Error in the backend datastore");
      assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.STORE_ERROR);
    }
  }

  @Test
  void aGarbageErrorBodyIsQuotedShortAndOnOneLine() {
    String html = "<html>\n<body>502 Bad Gateway from the corporate proxy, which has a lot to say about it"
        + " and keeps on talking for a while</body>\n</html>";
    try (StubRegistryServer stub = StubRegistryServer.answering(502, html)) {
      assertThatThrownBy(() -> clientFor(stub.url()).schemaById(7))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessage("Schema registry could not fetch schema id 7: GET " + stub.url() + "/schemas/ids/7 answered HTTP 502 with a body"
              + " that is not a registry error: '<html> <body>502 Bad Gateway from the corporate proxy, which has a lot to say ab...' ("
              + html.length() + " chars)");
    }
  }

  @Test
  void aSuccessfulStatusWithABodyThatIsNotJsonIsReported() {
    try (StubRegistryServer stub = StubRegistryServer.answering(200, "OK")) {
      assertThatThrownBy(() -> clientFor(stub.url()).schemaById(7))
          .hasMessage("Schema registry could not fetch schema id 7: GET " + stub.url()
              + "/schemas/ids/7 answered HTTP 200 with a body that is not JSON: 'OK' (2 chars)");
    }
  }

  @Test
  void aSuccessfulAnswerWithoutTheSchemaIsReported() {
    try (StubRegistryServer stub = StubRegistryServer.answering(200, "{\"id\":7}")) {
      assertThatThrownBy(() -> clientFor(stub.url()).schemaById(7))
          .hasMessage("Schema registry could not fetch schema id 7: the answer has no text 'schema'");
    }
  }

  @Test
  void aRegistryThatNeverAnswersTimesOutWithTheConfiguredTimeoutInTheMessage() {
    try (StubRegistryServer stub = StubRegistryServer.neverAnswering()) {
      SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> clientFor(stub.url()).schemaById(7));

      assertThat(e).hasMessage("Schema registry could not fetch schema id 7: no answer to GET " + stub.url()
          + "/schemas/ids/7 within 300 ms (schema.registry.request.timeout.ms)");
      assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NONE);
    }
  }

  @Test
  void aRefusedConnectionIsReportedWithTheUrl() throws IOException {
    String url = "http://127.0.0.1:" + freePort();

    assertThatThrownBy(() -> clientFor(url).schemaById(7))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessage("Schema registry could not fetch schema id 7: connection refused by " + url);
  }

  @Test
  void whenTheFirstUrlRefusesTheNextOneIsTried() throws IOException {
    String deadUrl = "http://127.0.0.1:" + freePort();
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      int id = registry.store().register("profiles-value", Profile.getClassSchema());

      assertThat(clientFor(deadUrl + "," + registry.url()).schemaById(id)).isEqualTo(Profile.getClassSchema());
    }
  }

  @Test
  void whenEveryUrlRefusesTheMessageListsThemAll() throws IOException {
    String first = "http://127.0.0.1:" + freePort();
    String second = "http://127.0.0.1:" + freePort();

    assertThatThrownBy(() -> clientFor(first + ", " + second).schemaById(7))
        .hasMessage("Schema registry could not fetch schema id 7: connection refused by " + first
            + "; connection refused by " + second + " (tried all 2 URLs)");
  }

  @Test
  void aFailedRequestIsNotCachedSoTheNextAttemptAsksAgain() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      HttpSchemaRegistryClient client = clientFor(registry.url());
      assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(SchemaRegistryException.class);
      registry.store().register("profiles-value", Profile.getClassSchema());

      assertThat(client.schemaById(1)).isEqualTo(Profile.getClassSchema());
    }
  }

  /** A loopback port nobody listens on (just closed). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
