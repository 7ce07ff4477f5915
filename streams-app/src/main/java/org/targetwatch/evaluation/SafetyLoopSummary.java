package org.targetwatch.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.targetwatch.schema.Severity;

/**
 * The safety loop over several worlds ({@link SafetyLoopWorld} each): every figure as mean and worst
 * world, as Markdown and as {@code safety-loop.json} (docs/evaluation.md, "The safety loop").
 *
 * @param reviewer how the simulated reviewer was set (delay, error rate, seeds), written as it is
 */
public record SafetyLoopSummary(Severity floor, List<SafetyLoopWorld> worlds, Map<String, Object> reviewer) {
  /** The format of {@code safety-loop.json}. */
  public static final String FORMAT = "targetwatch-safety-loop/1";

  public SafetyLoopSummary {
    worlds = List.copyOf(worlds);
    reviewer = new LinkedHashMap<>(reviewer);
  }

  public List<Long> seeds() {
    return worlds.stream().map(SafetyLoopWorld::seed).toList();
  }

  /** The three replays of a world, in the order the figures show them. */
  public enum Pass {
    WITHOUT_REPORTS("without reports", SafetyLoopWorld::withoutReports),
    WITH_REPORTS("with reports", SafetyLoopWorld::withReports),
    WITH_VERDICTS("with reports and verdicts", SafetyLoopWorld::withVerdicts);

    final String title;
    final Function<SafetyLoopWorld, WorldResult> result;

    Pass(String title, Function<SafetyLoopWorld, WorldResult> result) {
      this.title = title;
      this.result = result;
    }
  }

  public WorldSeries precision(Pass pass) {
    return WorldSeries.higherIsBetter(values(w -> pass.result.apply(w).precision()));
  }

  public WorldSeries recall(Pass pass) {
    return WorldSeries.higherIsBetter(values(w -> pass.result.apply(w).recall()));
  }

  public WorldSeries medianMinorsBeforeAlert(Pass pass) {
    return WorldSeries.lowerIsBetter(values(w -> pass.result.apply(w).medianMinorsBeforeAlert()));
  }

  public WorldSeries repeatsOnUnchangedEvidence(boolean afterVerdicts) {
    return WorldSeries.lowerIsBetter(values(w -> pick(w.repeatsOnUnchangedEvidence(), afterVerdicts)));
  }

  public WorldSeries campaignRepeats(boolean afterVerdicts) {
    return WorldSeries.lowerIsBetter(values(w -> pick(w.campaignRepeats(), afterVerdicts)));
  }

  public WorldSeries repeats(boolean afterVerdicts) {
    return WorldSeries.lowerIsBetter(values(w -> pick(w.repeats(), afterVerdicts)));
  }

  public WorldSeries ringMembersAlertedShare(boolean afterVerdicts) {
    return WorldSeries.higherIsBetter(values(w -> afterVerdicts ? w.ringMembersAlertedShareAfter()
        : w.ringMembersAlertedShareBefore()));
  }

  public WorldSeries mistakenlyClearedAlerted(boolean afterVerdicts) {
    return WorldSeries.higherIsBetter(values(w -> pick(w.mistakenlyClearedAlerted(), afterVerdicts)));
  }

  private static double pick(SafetyLoopWorld.BeforeAfter counts, boolean after) {
    return after ? counts.after() : counts.before();
  }

  private List<Double> values(ToDoubleFunction<SafetyLoopWorld> figure) {
    List<Double> values = new ArrayList<>();
    worlds.forEach(w -> values.add(figure.applyAsDouble(w)));
    return values;
  }

  /** The figures as Markdown: the two tables over worlds, then one row per world. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    List<Long> seeds = seeds();
    out.append(String.format(Locale.ROOT, "Safety loop at %s and above over %d %s of our own simulator with reports "
        + "(seeds %s; %s). Reviewer: %s.%n%n", floor, seeds.size(), seeds.size() == 1 ? "world" : "worlds", seedList(seeds), SeedConvention.clause(seeds),
        describeReviewer()));
    out.append("| figure, mean (worst world) | without reports | with reports | with reports and verdicts |\n")
        .append("|---|---:|---:|---:|\n");
    detectionRow(out, "precision", this::precision, Figures::ratio);
    detectionRow(out, "recall", this::recall, Figures::ratio);
    detectionRow(out, "minors contacted before the first alert (median per world)", this::medianMinorsBeforeAlert,
        SafetyLoopSummary::decimal);

    out.append("\n| figure, mean (worst world) | before verdicts | after verdicts |\n|---|---:|---:|\n");
    loopRow(out, "repeat alerts of cleared benign accounts on unchanged evidence (after the verdict)",
        repeatsOnUnchangedEvidence(false), repeatsOnUnchangedEvidence(true), SafetyLoopSummary::decimal);
    loopRow(out, "repeat alerts of cleared benign accounts as campaign members (after the verdict)",
        campaignRepeats(false), campaignRepeats(true), SafetyLoopSummary::decimal);
    loopRow(out, "repeat alerts of cleared benign accounts, all (after the verdict; any severity)", repeats(false),
        repeats(true), SafetyLoopSummary::decimal);
    loopRow(out, "members of rings with a confirmed member alerted at " + floor + "+ (share)",
        ringMembersAlertedShare(false), ringMembersAlertedShare(true), Figures::percent);
    loopRow(out, "offenders cleared by mistake, alerted at " + floor + "+ after the verdict",
        mistakenlyClearedAlerted(false), mistakenlyClearedAlerted(true), SafetyLoopSummary::decimal);

    out.append("\n| world (seed) | verdicts (confirmed / cleared / wrong) | cleared benign | repeats on unchanged evidence, before -> after | "
        + "campaign repeats | all repeats | rings confirmed | ring members alerted, before -> after | rings all alerted | alerts, with reports -> with verdicts |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SafetyLoopWorld w : worlds) {
      long wrong = w.reviews().stream().filter(r -> r.mistaken()).count();
      out.append("| ").append(w.seed())
          .append(" | ").append(w.reviews().size()).append(" (").append(w.confirmed()).append(" / ").append(w.cleared())
          .append(" / ").append(wrong).append(")")
          .append(" | ").append(w.clearedBenign())
          .append(" | ").append(arrow(w.repeatsOnUnchangedEvidence()))
          .append(" | ").append(arrow(w.campaignRepeats()))
          .append(" | ").append(arrow(w.repeats()))
          .append(" | ").append(w.confirmedRings())
          .append(" | ").append(arrow(w.ringMembersAlerted())).append(" of ").append(w.confirmedRingMembers())
          .append(" | ").append(arrow(w.ringsAllAlerted())).append(" of ").append(w.confirmedRings())
          .append(" | ").append(Figures.thousands(w.withReports().alerts())).append(" -> ")
          .append(Figures.thousands(w.withVerdicts().alerts())).append(" |\n");
    }
    out.append("\n| world (seed) | precision: without / with reports / with verdicts | recall | minors before alert, median |\n")
        .append("|---:|---:|---:|---:|\n");
    for (SafetyLoopWorld w : worlds) {
      out.append("| ").append(w.seed())
          .append(" | ").append(three(w, WorldResult::precision, Figures::ratio))
          .append(" | ").append(three(w, WorldResult::recall, Figures::ratio))
          .append(" | ").append(three(w, WorldResult::medianMinorsBeforeAlert, Figures::count)).append(" |\n");
    }
    return out.toString();
  }

  /** Writes {@code safety-loop.json} and {@code safety-loop.md} into {@code directory}; returns the JSON file. */
  public Path write(Path directory, Map<String, Object> run) throws IOException {
    Files.createDirectories(directory);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("severityFloor", floor.name());
    root.put("run", run);
    root.put("reviewer", reviewer);
    root.put("seeds", seeds());
    root.put("worldSet", SeedConvention.worldSet(seeds()));
    Map<String, Object> aggregate = new LinkedHashMap<>();
    for (Pass pass : Pass.values()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("precision", series(precision(pass)));
      figures.put("recall", series(recall(pass)));
      figures.put("medianMinorsBeforeAlert", series(medianMinorsBeforeAlert(pass)));
      aggregate.put(camel(pass), figures);
    }
    aggregate.put("repeatsOnUnchangedEvidence", beforeAfter(repeatsOnUnchangedEvidence(false), repeatsOnUnchangedEvidence(true)));
    aggregate.put("campaignRepeats", beforeAfter(campaignRepeats(false), campaignRepeats(true)));
    aggregate.put("repeats", beforeAfter(repeats(false), repeats(true)));
    aggregate.put("ringMembersAlertedShare", beforeAfter(ringMembersAlertedShare(false), ringMembersAlertedShare(true)));
    aggregate.put("mistakenlyClearedAlerted", beforeAfter(mistakenlyClearedAlerted(false), mistakenlyClearedAlerted(true)));
    root.put("aggregate", aggregate);
    List<Map<String, Object>> perWorld = new ArrayList<>();
    for (SafetyLoopWorld w : worlds) {
      Map<String, Object> world = new LinkedHashMap<>();
      world.put("seed", w.seed());
      for (Pass pass : Pass.values()) {
        WorldResult result = pass.result.apply(w);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("precision", number(result.precision()));
        figures.put("recall", number(result.recall()));
        figures.put("medianMinorsBeforeAlert", number(result.medianMinorsBeforeAlert()));
        figures.put("alerts", result.alerts());
        world.put(camel(pass), figures);
      }
      world.put("verdicts", w.reviews().size());
      world.put("confirmed", w.confirmed());
      world.put("cleared", w.cleared());
      world.put("mistakenlyConfirmed", w.mistakenlyConfirmed());
      world.put("mistakenlyCleared", w.mistakenlyCleared());
      world.put("clearedBenign", w.clearedBenign());
      world.put("repeatsOnUnchangedEvidence", w.repeatsOnUnchangedEvidence());
      world.put("campaignRepeats", w.campaignRepeats());
      world.put("repeats", w.repeats());
      world.put("mistakenlyClearedAlerted", w.mistakenlyClearedAlerted());
      world.put("confirmedRings", w.confirmedRings());
      world.put("confirmedRingMembers", w.confirmedRingMembers());
      world.put("ringMembersAlerted", w.ringMembersAlerted());
      world.put("ringsAllAlerted", w.ringsAllAlerted());
      perWorld.add(world);
    }
    root.put("worlds", perWorld);
    Path json = directory.resolve("safety-loop.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    Files.writeString(directory.resolve("safety-loop.md"), markdown());
    return json;
  }

  private String describeReviewer() {
    List<String> parts = new ArrayList<>();
    reviewer.forEach((key, value) -> parts.add(key + " " + value));
    return String.join(", ", parts);
  }

  private void detectionRow(StringBuilder out, String title, Function<Pass, WorldSeries> figure,
      Function<Double, String> format) {
    out.append("| ").append(title);
    for (Pass pass : Pass.values()) {
      WorldSeries series = figure.apply(pass);
      out.append(" | ").append(format.apply(series.mean())).append(" (").append(format.apply(series.worst())).append(")");
    }
    out.append(" |\n");
  }

  private static void loopRow(StringBuilder out, String title, WorldSeries before, WorldSeries after,
      Function<Double, String> format) {
    out.append("| ").append(title)
        .append(" | ").append(meanWorst(before, format))
        .append(" | ").append(meanWorst(after, format)).append(" |\n");
  }

  private static String meanWorst(WorldSeries series, Function<Double, String> format) {
    if (series.definedWorlds() == 0) {
      return "n/a";
    }
    return format.apply(series.mean()) + " (" + format.apply(series.worst()) + ")";
  }

  private static String three(SafetyLoopWorld w, ToDoubleFunction<WorldResult> figure, Function<Double, String> format) {
    List<String> parts = new ArrayList<>();
    for (Pass pass : Pass.values()) {
      parts.add(format.apply(figure.applyAsDouble(pass.result.apply(w))));
    }
    return String.join(" / ", parts);
  }

  private static String arrow(SafetyLoopWorld.BeforeAfter counts) {
    return counts.before() + " -> " + counts.after();
  }

  private static String decimal(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value);
  }

  private static String seedList(List<Long> seeds) {
    return seeds.size() == 1 ? String.valueOf(seeds.get(0)) : seeds.get(0) + "-" + seeds.get(seeds.size() - 1);
  }

  private static String camel(Pass pass) {
    String[] words = pass.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  private static Map<String, Object> beforeAfter(WorldSeries before, WorldSeries after) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("beforeVerdicts", series(before));
    figures.put("afterVerdicts", series(after));
    return figures;
  }

  private static Map<String, Object> series(WorldSeries s) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("mean", number(s.mean()));
    figures.put("worst", number(s.worst()));
    figures.put("min", number(s.min()));
    figures.put("max", number(s.max()));
    figures.put("values", s.values().stream().map(SafetyLoopSummary::number).toList());
    figures.put("definedWorlds", s.definedWorlds());
    return figures;
  }

  private static Double number(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
