package org.targetwatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graphs;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * The co-targeting graph kept up to date one candidate at a time answers as the graph built from
 * scratch over the same candidates, and holds no minor that no candidate contacted any more.
 */
class IncrementalCoTargetingGraphTest {

  @Test
  void afterRandomAddsReplacementsAndRemovalsTheGraphAnswersAsOneBuiltFromScratch() {
    SplittableRandom random = new SplittableRandom(11);
    CoTargetingGraph incremental = new CoTargetingGraph();
    Map<String, CampaignCandidate> current = new LinkedHashMap<>();
    for (int step = 0; step < 600; step++) {
      String sender = "s" + random.nextInt(30); // often a sender already in the graph: its targets change
      if (random.nextInt(4) == 0) {
        incremental.remove(sender);
        current.remove(sender);
      } else {
        CampaignCandidate candidate = candidate(sender, step, randomMinors(random));
        incremental.add(candidate);
        current.put(sender, candidate);
      }
      if (step % 20 == 0) {
        assertSameAnswers(incremental, new CoTargetingGraph(current.values()), current, "step " + step);
      }
    }
  }

  @Test
  void aRemovedCandidatesMinorsLeaveTheGraphUnlessAnotherCandidateContactedThem() {
    CoTargetingGraph graph = new CoTargetingGraph();
    graph.add(candidate("a", 0, List.of("m1", "m2", "m3")));
    graph.add(candidate("b", 1, List.of("m3", "m4")));

    graph.remove("a");

    assertThat(graph.bipartite().vertexSet()).containsExactlyInAnyOrder("account:b", "minor:m3", "minor:m4");
    graph.remove("b");
    assertThat(graph.bipartite().vertexSet()).isEmpty();
  }

  @Test
  void aSendersNewCandidateReplacesItsTargetsAndTheMinorsItNoLongerContactsLeave() {
    CoTargetingGraph graph = new CoTargetingGraph();
    graph.add(candidate("a", 0, List.of("m1", "m2")));

    graph.add(candidate("a", 1, List.of("m2", "m3")));

    assertThat(graph.minorsOf(Set.of("a"))).containsExactly("m2", "m3");
    assertThat(graph.bipartite().vertexSet()).containsExactlyInAnyOrder("account:a", "minor:m2", "minor:m3");
  }

  @Test
  void removingAnAccountThatIsNotInTheGraphChangesNothing() {
    CoTargetingGraph graph = new CoTargetingGraph(List.of(candidate("a", 0, List.of("m1", "m2"))));

    graph.remove("nobody");

    assertThat(graph.bipartite().vertexSet()).hasSize(3);
  }

  /** Groups, minors and shared targets of every candidate, and the same vertices and edges. */
  static void assertSameAnswers(CoTargetingGraph incremental, CoTargetingGraph rebuilt,
      Map<String, CampaignCandidate> current, String when) {
    assertThat(incremental.bipartite().vertexSet()).as(when).isEqualTo(rebuilt.bipartite().vertexSet());
    for (String vertex : rebuilt.bipartite().vertexSet()) {
      assertThat(Graphs.neighborSetOf(incremental.bipartite(), vertex)).as("%s, edges of %s", when, vertex)
          .isEqualTo(Graphs.neighborSetOf(rebuilt.bipartite(), vertex));
    }
    for (String sender : current.keySet()) {
      Set<String> group = incremental.groupOf(sender, 2, 0.2);
      assertThat(group).as("%s, group of %s", when, sender).isEqualTo(rebuilt.groupOf(sender, 2, 0.2));
      assertThat(incremental.minorsOf(group)).as(when).isEqualTo(rebuilt.minorsOf(group))
          .isEqualTo(minorsContactedBy(group, current, 1));
      assertThat(incremental.sharedTargets(group)).as(when).isEqualTo(rebuilt.sharedTargets(group))
          .isEqualTo(minorsContactedBy(group, current, 2));
    }
  }

  /** The minors at least {@code members} accounts of the group contacted, as the definition reads. */
  private static Set<String> minorsContactedBy(Set<String> group, Map<String, CampaignCandidate> current, int members) {
    Map<String, Integer> contactedBy = new TreeMap<>();
    group.forEach(account -> new TreeSet<>(current.get(account).getMinorTargets())
        .forEach(minor -> contactedBy.merge(minor, 1, Integer::sum)));
    contactedBy.values().removeIf(count -> count < members);
    return contactedBy.keySet();
  }

  /** Minors from a small pool, popular ones more often, now and then the same one twice. */
  static List<String> randomMinors(SplittableRandom random) {
    List<String> minors = new ArrayList<>();
    int targets = 1 + random.nextInt(10);
    for (int t = 0; t < targets; t++) {
      minors.add("m" + (int) (40 * Math.pow(random.nextDouble(), 2)));
    }
    return minors;
  }

  static CampaignCandidate candidate(String sender, long at, List<String> minors) {
    return CandidateRecords.candidate(sender, at, "e-" + sender + "-" + at, true, 0.5, minors);
  }
}
