package org.targetwatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.campaigns.IncrementalCoTargetingGraphTest.assertSameAnswers;
import static org.targetwatch.campaigns.IncrementalCoTargetingGraphTest.candidate;
import static org.targetwatch.campaigns.IncrementalCoTargetingGraphTest.randomMinors;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.topology.TopologyNames;

/**
 * The campaign window kept in memory (store, index by age, co-targeting graph) leaves in the store
 * exactly the candidates that a scan of the whole store would keep (window, then the cap, oldest
 * first, ties by sender id), and its graph answers as one built from scratch over them.
 */
class CampaignCandidatesTest {
  private static final CampaignConfig CONFIG = new CampaignConfig(Duration.ofMillis(500), 3, 2, 0.2, 4, 12, 50);

  @Test
  void afterRandomArrivalsTheStoreAndGraphHoldWhatAScanOfTheWholeStoreWouldKeep() {
    SplittableRandom random = new SplittableRandom(3);
    KeyValueStore<String, CampaignCandidate> store = candidateStore();
    CampaignCandidates candidates = CampaignCandidates.restore(store, CONFIG);
    Map<String, CampaignCandidate> expected = new TreeMap<>();
    long now = 0;
    for (int step = 0; step < 2000; step++) {
      now += random.nextInt(60);
      // late and out-of-order arrivals, ties in time, and senders coming back with other targets
      long at = random.nextInt(5) == 0 ? now - random.nextInt(700) : now;
      CampaignCandidate arriving = candidate("s" + random.nextInt(40), at, randomMinors(random));

      candidates.admit(arriving);
      admitByScanningTheStore(expected, arriving);

      assertThat(contentsOf(store)).as("step %d", step).isEqualTo(expected);
      assertThat(candidates.size()).isEqualTo(expected.size());
      expected.keySet().forEach(sender -> assertThat(candidates.get(sender)).isEqualTo(expected.get(sender)));
      if (step % 10 == 0) {
        assertSameAnswers(candidates.graph(), new CoTargetingGraph(expected.values()), expected, "step " + step);
      }
    }
  }

  @Test
  void aViewRestoredFromTheStoreAnswersAsTheViewThatFilledIt() {
    SplittableRandom random = new SplittableRandom(5);
    KeyValueStore<String, CampaignCandidate> store = candidateStore();
    CampaignCandidates running = CampaignCandidates.restore(store, CONFIG);
    for (int step = 0; step < 300; step++) {
      running.admit(candidate("s" + random.nextInt(40), step * 20L, randomMinors(random)));
    }

    CampaignCandidates restored = CampaignCandidates.restore(store, CONFIG);

    Map<String, CampaignCandidate> current = contentsOf(store);
    assertThat(restored.size()).isEqualTo(running.size()).isEqualTo(current.size());
    assertSameAnswers(restored.graph(), running.graph(), current, "after restore");
  }

  @Test
  void expiredCandidatesLeaveTheGraphWithTheMinorsOnlyTheyContacted() {
    KeyValueStore<String, CampaignCandidate> store = candidateStore();
    CampaignCandidates candidates = CampaignCandidates.restore(store, CONFIG);
    candidates.admit(candidate("old", 0, List.of("m1", "m2")));
    candidates.admit(candidate("kept", 400, List.of("m2", "m3")));

    candidates.admit(candidate("new", 600, List.of("m4"))); // the window reaches back to 100

    assertThat(contentsOf(store)).containsOnlyKeys("kept", "new");
    assertThat(candidates.graph().bipartite().vertexSet())
        .containsExactlyInAnyOrder("account:kept", "account:new", "minor:m2", "minor:m3", "minor:m4");
  }

  @Test
  void beyondTheCapTheOldestLeaveFirstTiesBySenderId() {
    KeyValueStore<String, CampaignCandidate> store = candidateStore();
    CampaignCandidates candidates = CampaignCandidates.restore(store, CONFIG);
    for (int i = 0; i < 12; i++) {
      candidates.admit(candidate("s" + (char) ('a' + i), 10 + i / 6, List.of("m" + i)));
    }

    candidates.admit(candidate("z", 20, List.of("m99")));

    assertThat(contentsOf(store)).hasSize(12).doesNotContainKey("sa").containsKey("sb");
    assertThat(candidates.graph().contains("sa")).isFalse();
    assertThat(candidates.graph().bipartite().vertexSet()).doesNotContain("minor:m0");
  }

  /** What stage 4 did before the graph was kept in memory: put, then scan the store, expire, cap. */
  private static void admitByScanningTheStore(Map<String, CampaignCandidate> store, CampaignCandidate arriving) {
    store.put(arriving.getSenderId(), arriving);
    long cutoff = arriving.getAt() - CONFIG.window().toMillis();
    store.values().removeIf(c -> c.getAt() < cutoff);
    if (store.size() > CONFIG.maxCandidates()) {
      store.values().stream().sorted(Comparator.comparingLong(CampaignCandidate::getAt))
          .limit(store.size() - CONFIG.maxCandidates()).map(CampaignCandidate::getSenderId).toList()
          .forEach(store::remove);
    }
  }

  private static Map<String, CampaignCandidate> contentsOf(KeyValueStore<String, CampaignCandidate> store) {
    Map<String, CampaignCandidate> contents = new TreeMap<>();
    try (KeyValueIterator<String, CampaignCandidate> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, CampaignCandidate> next = it.next();
        contents.put(next.key, next.value);
      }
    }
    return contents;
  }

  private static KeyValueStore<String, CampaignCandidate> candidateStore() {
    return CampaignStoresOutsideTopology.context().getStateStore(TopologyNames.CAMPAIGN_CANDIDATES_STORE);
  }
}
