package org.targetwatch.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** The JSON bodies of the Confluent REST subset, written once for the client and the embedded server. */
final class RegistryJson {

  /** The content type Confluent's registry speaks. */
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistryJson() {}

  /** {@code {"schema": "..."}}: the body of a register or look-up request. */
  static String schemaRequest(String schemaJson) {
    return write(MAPPER.createObjectNode().put("schema", schemaJson));
  }

  static String idAnswer(int id) {
    return write(MAPPER.createObjectNode().put("id", id));
  }

  static String schemaAnswer(String schemaJson) {
    return write(MAPPER.createObjectNode().put("schema", schemaJson));
  }

  static String subjectVersionAnswer(InMemorySchemaRegistry.SubjectVersion version) {
    return write(MAPPER.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema().toString()));
  }

  static String errorAnswer(int errorCode, String message) {
    return write(MAPPER.createObjectNode().put("error_code", errorCode).put("message", message));
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The body as JSON, or empty when it is not JSON. */
  static Optional<JsonNode> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The Confluent error body {@code {"error_code": N, "message": "..."}}, if the body is one. */
  static Optional<RegistryError> parseError(String body) {
    return parse(body)
        .filter(JsonNode::isObject)
        .filter(node -> node.path("error_code").canConvertToInt())
        .map(node -> new RegistryError(node.get("error_code").asInt(), node.path("message").asText("")));
  }

  /** A required text field of an answer object, or empty. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** A required int field of an answer object, or empty. */
  static Optional<Integer> integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToInt() ? Optional.of(value.asInt()) : Optional.empty();
  }

  /** The registry's own explanation of a failure. */
  record RegistryError(int errorCode, String message) {}
}
