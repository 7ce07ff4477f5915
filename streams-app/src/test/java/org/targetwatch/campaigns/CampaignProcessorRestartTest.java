package org.targetwatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.TopologyNames;

/**
 * The co-targeting graph lives in the processor's memory, but the store is the source of truth: a
 * processor started again over the same stores (a restart, a rebalance, a revived task, each calling
 * {@code init}) rebuilds it and alerts exactly as a processor that never stopped.
 */
class CampaignProcessorRestartTest {
  private static final DetectorConfig CONFIG = DetectorConfig.defaults().withCampaigns(
      new CampaignConfig(Duration.ofMinutes(30), 3, 2, 0.05, 8, 15, 50)); // few candidates: a lenient chance bar

  @Test
  void aProcessorRestartedOverTheSameStoresGivesTheSameAlertsAsOneThatNeverRestarted() {
    List<Record<String, CampaignCandidate>> candidates = candidatesWithRings(new SplittableRandom(9), 1500);

    List<Record<?, ?>> neverRestarted = run(candidates, Integer.MAX_VALUE);
    List<Record<?, ?>> restartedOften = run(candidates, 37);

    assertThat(neverRestarted).hasSizeGreaterThan(10); // rings were alerted, some more than once
    assertThat(restartedOften).containsExactlyElementsOf(neverRestarted);
  }

  @Test
  void aProcessorInitialisedAgainDropsWhatItHeldInMemoryAndReadsTheStore() {
    MockProcessorContext<String, Alert> context = CampaignStoresOutsideTopology.context();
    CampaignProcessor processor = new CampaignProcessor(CONFIG);
    processor.init(context);
    processor.process(record(CandidateRecords.candidate("a", 0L, "e1", true, 0.5, List.of("m1", "m2", "m3"))));
    KeyValueStore<String, CampaignCandidate> stored = context.getStateStore(TopologyNames.CAMPAIGN_CANDIDATES_STORE);
    stored.delete("a");

    processor.init(context); // as Kafka Streams does when it revives a task whose state was wiped
    for (String member : List.of("b", "c")) {
      processor.process(record(CandidateRecords.candidate(member, 1L, "e-" + member, true, 0.5,
          List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"))));
    }

    assertThat(context.forwarded()).isEmpty(); // without "a", two accounts are no campaign
  }

  /** Runs the candidates through one processor, replaced by a new instance every {@code restartEvery} records. */
  private static List<Record<?, ?>> run(
      List<Record<String, CampaignCandidate>> candidates, int restartEvery) {
    MockProcessorContext<String, Alert> context = CampaignStoresOutsideTopology.context();
    CampaignProcessor processor = null;
    for (int i = 0; i < candidates.size(); i++) {
      if (i % restartEvery == 0) {
        processor = new CampaignProcessor(CONFIG);
        processor.init(context);
      }
      processor.process(candidates.get(i));
    }
    return context.forwarded().stream().<Record<?, ?>>map(CapturedForward::record).toList();
  }

  /**
   * Rings of five young accounts sharing a target list among loners chasing popular minors; time
   * mostly moves forward a few minutes at a time, now and then a record is late, a few senders are
   * not young. Enough senders that the cap and the window both drop candidates.
   */
  private static List<Record<String, CampaignCandidate>> candidatesWithRings(SplittableRandom random, int count) {
    List<Record<String, CampaignCandidate>> records = new ArrayList<>();
    long now = 0;
    for (int i = 0; i < count; i++) {
      now += random.nextInt(3 * 60_000);
      long at = random.nextInt(10) == 0 ? now - random.nextInt(20 * 60_000) : now;
      int sender = random.nextInt(60);
      List<String> minors = new ArrayList<>();
      int ring = sender / 5;
      boolean inRing = sender < 20 && (i / 200) % 4 == ring; // each of four rings is active for a while
      int targets = 3 + random.nextInt(10);
      for (int t = 0; t < targets; t++) {
        String minor = inRing && random.nextInt(4) > 0 ? "r" + ring + "-m" + random.nextInt(12)
            : "m" + (int) (80 * Math.pow(random.nextDouble(), 2));
        if (!minors.contains(minor)) {
          minors.add(minor);
        }
      }
      boolean young = random.nextInt(10) > 0;
      records.add(record(CandidateRecords.candidate("s" + sender, at, "e" + i, young, 0.4, minors)));
    }
    return records;
  }

  private static Record<String, CampaignCandidate> record(CampaignCandidate candidate) {
    return new Record<>(TopologyNames.CAMPAIGN_KEY, candidate, candidate.getAt());
  }
}
