package org.targetwatch.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.targetwatch.campaigns.CampaignConfig;
import org.targetwatch.campaigns.CoTargetingGraph;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * Stage 4 per campaign candidate ({@link CoTargetingGraph}, JGraphT): the bipartite graph of the
 * window's candidates and their minors built, the updated account's group found, and the group's
 * minors and shared targets listed — what CampaignProcessor does on each candidate. The candidates
 * chase minors from a shared pool of popular profiles (so unrelated candidates share a target now and
 * then); one ring of five shares most of its targets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoTargetingGraphBenchmark {
  private static final int TARGETS_PER_CANDIDATE = 30;

  @Param({"50", "500"})
  public int candidates;

  private final CampaignConfig config = CampaignConfig.defaults();
  private List<CampaignCandidate> window;
  private String ringMember;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    window = new ArrayList<>();
    int pool = 2000;
    for (int c = 0; c < candidates; c++) {
      boolean ring = c < 5;
      List<String> minors = new ArrayList<>();
      for (int t = 0; t < TARGETS_PER_CANDIDATE; t++) {
        int minor = ring && t < 20 ? t : (int) (pool * Math.pow(random.nextDouble(), 2));
        String id = "minor-" + minor;
        if (!minors.contains(id)) {
          minors.add(id);
        }
      }
      window.add(new CampaignCandidate("cand-" + c, BenchAccounts.START_MS + c, "e-" + c, true, 0.4, minors));
    }
    ringMember = "cand-2";
  }

  @Benchmark
  public void groupOfCandidate(Blackhole blackhole) {
    CoTargetingGraph graph = new CoTargetingGraph(window);
    Set<String> group = graph.groupOf(ringMember, config.minSharedTargets(), config.minOverlap());
    blackhole.consume(graph.minorsOf(group));
    blackhole.consume(graph.sharedTargets(group));
  }
}
