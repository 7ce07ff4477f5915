package org.targetwatch.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code labels.json}: the ground-truth class of every account and, in the second format, the
 * simulator's parameters of the world and of each account (how strongly an offender used its tactic,
 * how intense a look-alike was). Two formats are read:
 * <ul>
 *   <li>flat: {@code {"a1": "offender.snowball", ...}} (plain {@code simulate});</li>
 *   <li>{@value #FORMAT_2}: {@code {"format": ..., "world": {"seed", "randomized", "parameters"},
 *       "accounts": {"a1": {"class": ..., "parameters": {...}}}}} ({@code simulate --randomize}).</li>
 * </ul>
 * Only numeric parameters are kept (the curves bin numbers); other values are ignored.
 *
 * @param classes account id -> class label ({@code offender.*} or {@code benign.*})
 * @param accountParameters account id -> its numeric parameters; accounts without any are absent
 * @param worldSeed the world's seed, or null when the file does not say (flat format)
 * @param randomized whether the world was randomized ({@code false} for the flat format)
 * @param worldParameters the world's parameters as written (numbers, strings, nested objects)
 */
public record LabelsFile(Path file, Map<String, String> classes, Map<String, Map<String, Double>> accountParameters,
    Long worldSeed, boolean randomized, Map<String, Object> worldParameters) {

  /** The {@code format} value of the second labels format. */
  public static final String FORMAT_2 = "targetwatch-labels/2";

  public LabelsFile {
    classes = Map.copyOf(classes);
    accountParameters = Map.copyOf(accountParameters);
    worldParameters = Collections.unmodifiableMap(new LinkedHashMap<>(worldParameters));
  }

  /** The numeric parameters of one account (empty when it has none). */
  public Map<String, Double> parametersOf(String account) {
    return accountParameters.getOrDefault(account, Map.of());
  }

  /** Reads either format. @throws Evaluation.LabelsFileException naming the file and what is wrong, on one line */
  public static LabelsFile read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new Evaluation.LabelsFileException(file, "not valid JSON" + where);
    }
    if (root == null || !root.isObject()) {
      throw new Evaluation.LabelsFileException(file, "not a JSON object of account id -> class label, nor a "
          + FORMAT_2 + " object");
    }
    return root.has("format") ? readFormat2(file, root) : readFlat(file, root);
  }

  private static LabelsFile readFlat(Path file, JsonNode root) throws IOException {
    Map<String, String> classes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> account = it.next();
      JsonNode label = account.getValue();
      if (!label.isTextual() || label.asText().isBlank()) {
        throw new Evaluation.LabelsFileException(file, "account " + account.getKey() + " has no class label (expected a "
            + "string such as \"benign.ordinary\", got " + describe(label) + ")");
      }
      classes.put(account.getKey(), label.asText());
    }
    if (classes.isEmpty()) {
      throw new Evaluation.LabelsFileException(file, "no labelled accounts");
    }
    return new LabelsFile(file, classes, Map.of(), null, false, Map.of());
  }

  private static LabelsFile readFormat2(Path file, JsonNode root) throws IOException {
    String format = root.get("format").asText();
    if (!FORMAT_2.equals(format)) {
      throw new Evaluation.LabelsFileException(file, "unknown labels format \"" + format + "\" (this version reads the flat "
          + "form and " + FORMAT_2 + ")");
    }
    Long seed = null;
    boolean randomized = false;
    Map<String, Object> worldParameters = new LinkedHashMap<>();
    JsonNode world = root.get("world");
    if (world != null && !world.isNull()) {
      if (!world.isObject()) {
        throw new Evaluation.LabelsFileException(file, "\"world\" must be an object, got " + describe(world));
      }
      JsonNode seedNode = world.get("seed");
      if (seedNode != null && !seedNode.isNull()) {
        if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
          throw new Evaluation.LabelsFileException(file, "world.seed must be an integer, got " + describe(seedNode));
        }
        seed = seedNode.asLong();
      }
      randomized = world.path("randomized").asBoolean(false);
      JsonNode parameters = world.get("parameters");
      if (parameters != null && !parameters.isNull()) {
        if (!parameters.isObject()) {
          throw new Evaluation.LabelsFileException(file, "world.parameters must be an object, got " + describe(parameters));
        }
        worldParameters.putAll(new ObjectMapper().convertValue(parameters, Map.class));
      }
    }
    JsonNode accounts = root.get("accounts");
    if (accounts == null || !accounts.isObject()) {
      throw new Evaluation.LabelsFileException(file, "\"accounts\" must be an object of account id -> {\"class\": ...}, got "
          + describe(accounts));
    }
    Map<String, String> classes = new TreeMap<>();
    Map<String, Map<String, Double>> parameters = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = accounts.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> account = it.next();
      String id = account.getKey();
      JsonNode entry = account.getValue();
      JsonNode label = entry.path("class");
      if (!entry.isObject() || !label.isTextual() || label.asText().isBlank()) {
        throw new Evaluation.LabelsFileException(file, "accounts." + id + " has no \"class\" string (got "
            + describe(entry) + ")");
      }
      classes.put(id, label.asText());
      JsonNode values = entry.get("parameters");
      if (values == null || values.isNull()) {
        continue;
      }
      if (!values.isObject()) {
        throw new Evaluation.LabelsFileException(file, "accounts." + id + ".parameters must be an object, got "
            + describe(values));
      }
      Map<String, Double> numbers = new TreeMap<>();
      values.fields().forEachRemaining(p -> {
        if (p.getValue().isNumber()) {
          numbers.put(p.getKey(), p.getValue().asDouble());
        }
      });
      if (!numbers.isEmpty()) {
        parameters.put(id, Map.copyOf(numbers));
      }
    }
    if (classes.isEmpty()) {
      throw new Evaluation.LabelsFileException(file, "no labelled accounts");
    }
    return new LabelsFile(file, classes, parameters, seed, randomized, worldParameters);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
