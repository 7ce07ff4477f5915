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
import org.targetwatch.campaigns.CampaignCandidates;
import org.targetwatch.campaigns.CampaignConfig;
import org.targetwatch.campaigns.CoTargetingGraph;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * Stage 4 per campaign candidate ({@link CoTargetingGraph}, JGraphT), with a window of
 * {@code candidates} accounts:
 * <ul>
 *   <li>{@code admitCandidate}, what CampaignProcessor does: the candidate admitted to the window
 *       ({@link CampaignCandidates}: stored, added to the graph kept in memory, the oldest candidate
 *       evicted by the cap), then its group found and the group's minors and shared targets listed;
 *   <li>{@code rebuiltGraph}, what it did before: the graph built afresh from the whole window for
 *       each candidate, then the same questions (without the scan of the store it also paid).
 * </ul>
 * The candidates chase minors from a shared pool of popular profiles (so unrelated candidates share
 * a target now and then); one in ten belongs to a ring of five sharing most of its targets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoTargetingGraphBenchmark {
  private static final int TARGETS_PER_CANDIDATE = 30;
  private static final int RING_SIZE = 5;
  private static final int RING_EVERY = 50; // candidates

  @Param({"50", "500", "5000"})
  public int candidates;

  private CampaignConfig config;
  /** Twice the window's worth of senders, admitted in turn: each one arrives after the cap evicted it. */
  private List<CampaignCandidate> arrivals;
  private CampaignCandidates window;
  private long arrived;

  @Setup
  public void setUp() {
    CampaignConfig defaults = CampaignConfig.defaults();
    config = new CampaignConfig(defaults.window(), defaults.minGroupSize(), defaults.minSharedTargets(),
        defaults.maxChance(), defaults.minGroupMinors(), candidates, defaults.maxTargetsPerCandidate());
    SplittableRandom random = new SplittableRandom(1);
    arrivals = new ArrayList<>();
    for (int c = 0; c < 2 * candidates; c++) {
      List<String> minors = minors(random, c);
      arrivals.add(CampaignCandidate.newBuilder().setSenderId("cand-" + c).setAt(0L).setEventId("e-" + c).setYoung(true)
          .setScore(0.4).setMinorTargets(minors).setMinorTargetPercentiles(java.util.Collections.nCopies(minors.size(), 0.8))
          .setMinorTargetStrangers(java.util.Collections.nCopies(minors.size(), true)).build());
    }
    window = CampaignCandidates.restore(DetectorStoresOutsideTopology.campaignCandidates(), config);
    for (arrived = 0; arrived < candidates; arrived++) {
      window.admit(arrival(arrived));
    }
  }

  @Benchmark
  public void admitCandidate(Blackhole blackhole) {
    CampaignCandidate candidate = arrival(arrived++);
    window.admit(candidate);
    CoTargetingGraph graph = window.graph();
    Set<String> group = graph.groupOf(candidate.getSenderId(), config.minSharedTargets(), config.maxChance());
    blackhole.consume(graph.minorsOf(group));
    blackhole.consume(graph.sharedTargets(group));
  }

  @Benchmark
  public void rebuiltGraph(Blackhole blackhole) {
    CoTargetingGraph graph = new CoTargetingGraph(arrivals.subList(0, candidates));
    Set<String> group = graph.groupOf("cand-2", config.minSharedTargets(), config.maxChance()); // a ring member
    blackhole.consume(graph.minorsOf(group));
    blackhole.consume(graph.sharedTargets(group));
  }

  /** The next arrival: a sender the cap evicted long ago, arriving one millisecond after the last one. */
  private CampaignCandidate arrival(long n) {
    CampaignCandidate template = arrivals.get((int) (n % arrivals.size()));
    return CampaignCandidate.newBuilder(template).setAt(BenchAccounts.START_MS + n).build();
  }

  private static List<String> minors(SplittableRandom random, int candidate) {
    int pool = 2000;
    boolean ring = candidate % RING_EVERY < RING_SIZE;
    List<String> minors = new ArrayList<>();
    for (int t = 0; t < TARGETS_PER_CANDIDATE; t++) {
      String id = ring && t < 20 ? "ring-" + candidate / RING_EVERY + "-minor-" + t
          : "minor-" + (int) (pool * Math.pow(random.nextDouble(), 2));
      if (!minors.contains(id)) {
        minors.add(id);
      }
    }
    return minors;
  }
}
