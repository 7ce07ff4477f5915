package org.targetwatch.registry;

import static org.targetwatch.registry.RegistryErrorCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The Confluent REST subset as routes over an {@link InMemorySchemaRegistry}: one request in, one
 * status and JSON body out. Kept apart from the HTTP server so the routes read as a table.
 */
final class RegistryRestRoutes {

  /** An HTTP answer: status and JSON body. */
  record Answer(int status, String json) {
    static Answer ok(String json) {
      return new Answer(200, json);
    }

    static Answer error(int status, int errorCode, String message) {
      return new Answer(status, RegistryJson.errorAnswer(errorCode, message));
    }
  }

  private final InMemorySchemaRegistry store;

  RegistryRestRoutes(InMemorySchemaRegistry store) {
    this.store = store;
  }

  Answer handle(String method, String rawPath, String body) {
    List<String> path = segments(rawPath);
    try {
      return route(method, path, body);
    } catch (SchemaRegistryException e) {
      int status = e.httpStatus() == SchemaRegistryException.NONE ? 500 : e.httpStatus();
      return Answer.error(status, e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      return Answer.error(500, STORE_ERROR, "Error in the backend data store: " + e.getClass().getSimpleName());
    }
  }

  private Answer route(String method, List<String> path, String body) {
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    int size = path.size();
    if (size == 1 && path.get(0).equals("subjects") && get) {
      return Answer.ok(RegistryJson.write(store.subjects()));
    }
    if (size == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids") && get) {
      return Answer.ok(RegistryJson.schemaAnswer(store.schemaById(schemaId(path.get(2))).toString()));
    }
    if (size == 2 && path.get(0).equals("subjects") && post) {
      return Answer.ok(RegistryJson.subjectVersionAnswer(store.lookUp(path.get(1), schemaOf(body))));
    }
    if (size == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
      if (post) {
        return Answer.ok(RegistryJson.idAnswer(store.register(path.get(1), schemaOf(body))));
      }
      if (get) {
        return Answer.ok(RegistryJson.write(store.versions(path.get(1))));
      }
    }
    if (size == 4 && path.get(0).equals("subjects") && path.get(2).equals("versions") && get) {
      String subject = path.get(1);
      String version = path.get(3);
      return Answer.ok(RegistryJson.subjectVersionAnswer(
          version.equals("latest") ? store.latest(subject) : store.version(subject, versionNumber(version))));
    }
    return Answer.error(404, NOT_FOUND, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
  }

  private static Schema schemaOf(String body) {
    JsonNode request = RegistryJson.parse(body)
        .orElseThrow(() -> new SchemaRegistryException("Unrecognized request body: not JSON", 422, INVALID_SCHEMA));
    String type = RegistryJson.text(request, "schemaType").orElse("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException("Invalid schema: only AVRO is supported, got " + type, 422, INVALID_SCHEMA);
    }
    String text = RegistryJson.text(request, "schema")
        .orElseThrow(() -> new SchemaRegistryException("Invalid schema: the request has no 'schema' text", 422, INVALID_SCHEMA));
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException("Invalid schema: " + RegistryHttpTransport.oneLine(e.getMessage()), 422, INVALID_SCHEMA);
    }
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException("Schema " + text + " not found", 404, SCHEMA_NOT_FOUND);
    }
  }

  private static int versionNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException("The specified version '" + text + "' is not a valid version id.", 422, INVALID_VERSION);
    }
  }

  /** The decoded path segments; a subject may hold an encoded '/' or '+', so decoding happens per segment. */
  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    Arrays.stream(rawPath.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
        .forEach(segments::add);
    return segments;
  }
}
