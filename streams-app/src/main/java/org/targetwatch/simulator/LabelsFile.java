package org.targetwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ground-truth file {@code labels.json}, written and read in one place. Two formats:
 * <ul>
 *   <li>flat (the fixed world): a JSON object account id -> class label;
 *   <li>{@value #FORMAT_2} (a randomized world): {@code {"format", "world": {"seed", "randomized",
 *       "parameters"}, "accounts": {id: {"class", "parameters"?}}}} — the world's drawn
 *       parameters, and per planted account the parameters it was drawn (docs/simulator.md).
 * </ul>
 */
public final class LabelsFile {
  public static final String FORMAT_2 = "targetwatch-labels/2";

  private LabelsFile() {}

  /**
   * What a labels file holds.
   *
   * @param format {@value #FORMAT_2}, or {@code "flat"} for an object of id -> class
   * @param classes account id -> class label, in file order
   * @param accountParameters account id -> parameter name -> number (format 2 only)
   * @param world the world's parameters (format 2 only)
   * @param seed the world's seed (format 2 only, else null)
   */
  public record Labels(String format, Map<String, String> classes,
      Map<String, Map<String, Number>> accountParameters, Map<String, Object> world, Long seed) {}

  /** Writes the result's labels: flat for the fixed world, format 2 for a randomized one. */
  public static void write(Path file, SimulationResult result) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (!result.world().randomized()) {
      mapper.writeValue(file.toFile(), result.labels());
      return;
    }
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT_2);
    ObjectNode world = root.putObject("world");
    world.put("seed", result.seed());
    world.put("randomized", true);
    world.set("parameters", mapper.valueToTree(result.world().describe()));
    ObjectNode accounts = root.putObject("accounts");
    result.labels().forEach((id, label) -> {
      ObjectNode account = accounts.putObject(id);
      account.put("class", label);
      Map<String, Number> parameters = result.accountParameters().get(id);
      if (parameters != null && !parameters.isEmpty()) {
        account.set("parameters", mapper.valueToTree(parameters));
      }
    });
    mapper.writeValue(file.toFile(), root);
  }

  /** Reads either format. */
  public static Labels read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": not a JSON object");
    }
    Map<String, String> classes = new LinkedHashMap<>();
    Map<String, Map<String, Number>> parameters = new LinkedHashMap<>();
    if (!root.has("format")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        classes.put(e.getKey(), e.getValue().asText());
      }
      return new Labels("flat", classes, Map.of(), Map.of(), null);
    }
    if (!FORMAT_2.equals(root.path("format").asText())) {
      throw new IOException(file + ": unknown labels format '" + root.path("format").asText() + "'");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("accounts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      classes.put(e.getKey(), e.getValue().path("class").asText());
      JsonNode p = e.getValue().get("parameters");
      if (p != null) {
        Map<String, Number> values = new LinkedHashMap<>();
        p.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().numberValue()));
        parameters.put(e.getKey(), Collections.unmodifiableMap(values));
      }
    }
    Map<String, Object> world = new LinkedHashMap<>();
    root.path("world").path("parameters").fields().forEachRemaining(f ->
        world.put(f.getKey(), f.getValue().isNumber() ? f.getValue().numberValue() : f.getValue().asText()));
    return new Labels(FORMAT_2, Collections.unmodifiableMap(classes),
        Collections.unmodifiableMap(parameters), Collections.unmodifiableMap(world),
        root.path("world").path("seed").asLong());
  }
}
