package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;

/** The embedded registry answers the Confluent REST subset as Confluent's registry does, seen from raw HTTP. */
class EmbeddedSchemaRegistryTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EmbeddedSchemaRegistry registry;

  @BeforeEach
  void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void registeringAnswersTheIdAndTheSubjectListsItsVersions() throws Exception {
    HttpResponse<String> registered = post("/subjects/messages-value/versions", RegistryJson.schemaRequest(MessageEvent.getClassSchema().toString()));

    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(registered.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
    assertThat(registered.body()).isEqualTo("{\"id\":1}");
    assertThat(get("/subjects").body()).isEqualTo("[\"messages-value\"]");
    assertThat(get("/subjects/messages-value/versions").body()).isEqualTo("[1]");
    assertThat(get("/subjects/messages-value/versions/latest").body())
        .startsWith("{\"subject\":\"messages-value\",\"version\":1,\"id\":1,\"schema\":\"{\\\"type\\\":\\\"record\\\"");
    assertThat(get("/schemas/ids/1").body()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"MessageEvent\\\"");
  }

  @Test
  void lookingUpARegisteredSchemaAnswersItsVersionAndId() throws Exception {
    registry.store().register("friend-requests-value", FriendRequestEvent.getClassSchema());

    HttpResponse<String> found = post("/subjects/friend-requests-value", RegistryJson.schemaRequest(FriendRequestEvent.getClassSchema().toString()));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("\"version\":1,\"id\":1");
  }

  @Test
  void errorsAreConfluentErrorJson() throws Exception {
    assertThat(get("/schemas/ids/7")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).isEqualTo("{\"error_code\":40403,\"message\":\"Schema 7 not found\"}");
    });
    assertThat(get("/subjects/nobody-value/versions").body()).isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'nobody-value' not found.\"}");
    assertThat(post("/subjects/x-value/versions", "{\"schema\":\"{not avro\"}")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).startsWith("{\"error_code\":42201,\"message\":\"Invalid schema: ");
    });
  }

  @Test
  void anIncompatibleNewVersionIsRefusedWith409() throws Exception {
    registry.store().register("messages-value", MessageEvent.getClassSchema());
    String withRequiredNewField = MessageEvent.getClassSchema().toString().replaceFirst("\\]\\}$", ",{\"name\":\"x\",\"type\":\"string\"}]}");

    HttpResponse<String> refused = post("/subjects/messages-value/versions", RegistryJson.schemaRequest(withRequiredNewField));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("\"error_code\":409").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(registry.store().versions("messages-value")).containsExactly(1);
  }

  @Test
  void aSubjectWithCharactersThatNeedEncodingSurvivesTheRoundTrip() {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));

    client.register("team a/messages+v2-value", MessageEvent.getClassSchema());

    assertThat(registry.store().subjects()).containsExactly("team a/messages+v2-value");
  }

  @Test
  void theServerCountsRequestsAndListensOnLoopback() throws Exception {
    get("/subjects");
    get("/subjects");

    assertThat(registry.requestCount()).isEqualTo(2);
    assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
