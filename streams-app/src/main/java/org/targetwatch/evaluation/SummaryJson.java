package org.targetwatch.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code summary.json}: the figures of a {@link MultiWorldSummary} for scripts (tuning loops). Format
 * {@value #FORMAT}; an undefined figure (no account alerted, one world only) is {@code null}, never
 * a made-up number. Field meanings: {@code docs/evaluation.md}.
 */
public final class SummaryJson {
  public static final String FORMAT = "targetwatch-multiworld-summary/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /**
   * @param run how the worlds were made and evaluated (accounts, days, detector settings, ...), written as given
   */
  public static ObjectNode of(MultiWorldSummary summary, Map<String, Object> run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("severityFloor", summary.floor().name());
    root.set("run", JSON.valueToTree(run));
    ArrayNode seeds = root.putArray("seeds");
    summary.seeds().forEach(seeds::add);
    root.put("worldSet", SeedConvention.worldSet(summary.seeds()));

    ObjectNode aggregate = root.putObject("aggregate");
    aggregate.put("worlds", summary.worlds().size());
    aggregate.set("precision", series(summary.precision()));
    aggregate.set("recall", series(summary.recall()));
    aggregate.set("f1", series(summary.f1()));
    aggregate.set("medianMinorsBeforeAlert", series(summary.minorsBeforeAlert()));
    ObjectNode classes = aggregate.putObject("classes");
    for (MultiWorldSummary.ClassSeries c : summary.classes()) {
      ObjectNode node = classes.putObject(c.label());
      node.put("kind", c.offender() ? "offender" : "benign");
      node.put("accounts", c.accounts());
      node.put("alertedAtFloor", c.alertedAtFloor());
      node.set(c.offender() ? "detectedShare" : "alertedShare", series(c.share()));
    }

    ArrayNode worlds = root.putArray("worlds");
    for (WorldResult w : summary.worlds()) {
      ObjectNode node = worlds.addObject();
      node.put("seed", w.seed());
      node.put("directory", w.directory().toString());
      node.put("randomized", w.randomized());
      number(node, "precision", w.precision());
      number(node, "recall", w.recall());
      number(node, "f1", w.f1());
      number(node, "medianMinorsBeforeAlert", w.medianMinorsBeforeAlert());
      ConfusionCounts c = w.table().confusion();
      node.put("truePositives", c.truePositives());
      node.put("falsePositives", c.falsePositives());
      node.put("falseNegatives", c.falseNegatives());
      node.put("alerts", w.alerts());
      ObjectNode perClass = node.putObject("classes");
      for (DetectionTable.ClassRow row : w.table().rows()) {
        ObjectNode r = perClass.putObject(row.label());
        r.put("accounts", row.accounts());
        r.put("alertedAtFloor", row.alertedAtFloor());
        r.put("alertedAtAnySeverity", row.alertedAtAnySeverity());
      }
      node.set("worldParameters", JSON.valueToTree(w.worldParameters()));
    }

    ArrayNode curves = root.putArray("curves");
    summary.recallCurves().forEach(curve -> curves.add(curve(curve)));
    summary.falseAlarmCurves().forEach(curve -> curves.add(curve(curve)));
    return root;
  }

  /** Writes {@code summary.json} into {@code directory} (through a side file, so a reader never sees half of it). */
  public static Path write(Path directory, MultiWorldSummary summary, Map<String, Object> run) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("summary.json");
    Path partial = directory.resolve("summary.json.partial");
    JSON.writeValue(partial.toFile(), of(summary, run));
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static ObjectNode series(WorldSeries s) {
    ObjectNode node = JSON.createObjectNode();
    number(node, "mean", s.mean());
    number(node, "worst", s.worst());
    number(node, "min", s.min());
    number(node, "max", s.max());
    number(node, "standardDeviation", s.standardDeviation());
    node.put("definedWorlds", s.definedWorlds());
    node.put("undefinedWorlds", s.undefinedWorlds());
    return node;
  }

  private static ObjectNode curve(StrengthCurve curve) {
    ObjectNode node = JSON.createObjectNode();
    node.put("subject", curve.subject());
    node.put("parameter", curve.parameter());
    node.put("rate", curve.rate());
    ArrayNode bins = node.putArray("bins");
    for (StrengthCurve.Bin bin : curve.bins()) {
      ObjectNode b = bins.addObject();
      b.put("from", bin.from());
      b.put("to", bin.to());
      b.put("accounts", bin.accounts());
      b.put(curve.rate(), bin.counted());
      number(b, "share", bin.share());
    }
    return node;
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
