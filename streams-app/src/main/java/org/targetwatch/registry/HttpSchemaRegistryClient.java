package org.targetwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema registry client over HTTP (the JDK's {@link java.net.http.HttpClient}), speaking the
 * Confluent REST subset. Answers are cached for the life of the client: ids never change meaning,
 * so after the first record of each schema the hot path makes no request.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private record SubjectSchema(String subject, Schema schema) {}

  private final RegistryHttpTransport transport;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(RegistryClientConfig config) {
    if (config.isMock()) {
      throw new IllegalArgumentException("mock:// URLs are served by InMemorySchemaRegistry, not over HTTP");
    }
    this.transport = new RegistryHttpTransport(config);
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
      String asked = "register a schema under subject '" + subject + "'";
      JsonNode answer = transport.send(asked, "/subjects/" + encode(subject) + "/versions", RegistryJson.schemaRequest(schema.toString()));
      int id = RegistryJson.integer(answer, "id")
          .orElseThrow(() -> RegistryHttpTransport.malformedAnswer(asked, "the answer has no integer 'id'"));
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
      String asked = "look up a schema under subject '" + subject + "'";
      JsonNode answer = transport.send(asked, "/subjects/" + encode(subject), RegistryJson.schemaRequest(schema.toString()));
      int id = RegistryJson.integer(answer, "id")
          .orElseThrow(() -> RegistryHttpTransport.malformedAnswer(asked, "the answer has no integer 'id'"));
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      String asked = "fetch schema id " + id;
      JsonNode answer = transport.send(asked, "/schemas/ids/" + id, null);
      String text = RegistryJson.text(answer, "schema")
          .orElseThrow(() -> RegistryHttpTransport.malformedAnswer(asked, "the answer has no text 'schema'"));
      try {
        return new Schema.Parser().parse(text);
      } catch (SchemaParseException e) {
        throw RegistryHttpTransport.malformedAnswer(asked, "the registry's schema is not valid Avro: " + RegistryHttpTransport.oneLine(e.getMessage()));
      }
    });
  }

  /** A subject as one URL path segment ({@code +} would mean a plus sign in a path, so spaces become %20). */
  static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
