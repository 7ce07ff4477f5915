package org.targetwatch.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The ground-truth file {@code labels.json}, written here and read by {@link
 * org.targetwatch.evaluation.LabelsFile} (the one reader, with its one-line errors). Two formats:
 * <ul>
 *   <li>flat (the fixed world): a JSON object account id -> class label;
 *   <li>{@value #FORMAT_2} (a randomized world): {@code {"format", "world": {"seed", "randomized",
 *       "parameters"}, "accounts": {id: {"class", "parameters"?}}}} — the world's drawn
 *       parameters, and per planted account the parameters it was drawn (docs/simulator.md).
 * </ul>
 */
public final class LabelsFile {
  public static final String FORMAT_2 = org.targetwatch.evaluation.LabelsFile.FORMAT_2;

  private LabelsFile() {}

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
}
