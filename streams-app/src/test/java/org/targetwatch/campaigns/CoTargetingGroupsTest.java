package org.targetwatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * A candidate's group is its connected component in the projection "shares at least n minors and
 * enough of them": the same group as building the whole projection over every pair of candidates.
 */
class CoTargetingGroupsTest {

  @Test
  void eachAccountsGroupIsItsComponentInTheWholeProjection() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 20; round++) {
      List<CampaignCandidate> candidates = randomCandidates(random, 40);
      CoTargetingGraph graph = new CoTargetingGraph(candidates);
      int minShared = 1 + random.nextInt(3);
      double minOverlap = random.nextDouble() * 0.4;
      Graph<String, DefaultEdge> projection = wholeProjection(candidates, minShared, minOverlap);
      ConnectivityInspector<String, DefaultEdge> components = new ConnectivityInspector<>(projection);

      for (CampaignCandidate c : candidates) {
        assertThat(graph.groupOf(c.getSenderId(), minShared, minOverlap))
            .as("round %d, %s", round, c.getSenderId())
            .containsExactlyElementsOf(new TreeSet<>(components.connectedSetOf(c.getSenderId())));
      }
    }
  }

  @Test
  void anAccountThatIsNotACandidateHasNoGroup() {
    CoTargetingGraph graph = new CoTargetingGraph(randomCandidates(new SplittableRandom(1), 5));

    assertThat(graph.groupOf("nobody", 2, 0.3)).isEmpty();
  }

  @Test
  void aRingSharingItsTargetsIsOneGroupAndALoneCandidateIsItsOwn() {
    List<CampaignCandidate> candidates = List.of(
        candidate("a", "m1", "m2", "m3"), candidate("b", "m2", "m3", "m4"), candidate("c", "m3", "m4", "m5"),
        candidate("d", "m3", "m9"));
    CoTargetingGraph graph = new CoTargetingGraph(candidates);

    assertThat(graph.groupOf("a", 2, 0.3)).containsExactly("a", "b", "c");
    assertThat(graph.groupOf("d", 2, 0.3)).containsExactly("d");
  }

  private static CampaignCandidate candidate(String sender, String... minors) {
    return new CampaignCandidate(sender, 0L, "e-" + sender, true, 0.5, List.of(minors));
  }

  /** Candidates drawing minors from a small pool, popular ones more often, now and then twice the same. */
  private static List<CampaignCandidate> randomCandidates(SplittableRandom random, int count) {
    List<CampaignCandidate> candidates = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      List<String> minors = new ArrayList<>();
      int targets = 1 + random.nextInt(12);
      for (int t = 0; t < targets; t++) {
        minors.add("m" + (int) (60 * Math.pow(random.nextDouble(), 2)));
      }
      candidates.add(new CampaignCandidate("s" + c, (long) c, "e" + c, true, 0.5, minors));
    }
    return candidates;
  }

  /** The projection over every pair of candidates, as the definition reads. */
  private static Graph<String, DefaultEdge> wholeProjection(List<CampaignCandidate> candidates, int minShared,
      double minOverlap) {
    Graph<String, DefaultEdge> links = new SimpleGraph<>(DefaultEdge.class);
    candidates.forEach(c -> links.addVertex(c.getSenderId()));
    for (CampaignCandidate a : candidates) {
      for (CampaignCandidate b : candidates) {
        if (a.getSenderId().compareTo(b.getSenderId()) >= 0) {
          continue;
        }
        Set<String> ofA = new HashSet<>(a.getMinorTargets());
        Set<String> ofB = new HashSet<>(b.getMinorTargets());
        Set<String> shared = new HashSet<>(ofA);
        shared.retainAll(ofB);
        int union = ofA.size() + ofB.size() - shared.size();
        if (shared.size() >= minShared && shared.size() >= minOverlap * union) {
          links.addEdge(a.getSenderId(), b.getSenderId());
        }
      }
    }
    return links;
  }
}
