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
 * A candidate's group holds its connected component in the projection "shares at least n minors,
 * more than chance explains", built over every pair of candidates, and the accounts whose minors lie
 * inside the group's beyond chance; rings are found, loners chasing popular minors are not.
 */
class CoTargetingGroupsTest {

  @Test
  void eachAccountsGroupHoldsItsComponentInTheWholeProjection() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 20; round++) {
      List<CampaignCandidate> candidates = randomCandidates(random, 40);
      CoTargetingGraph graph = new CoTargetingGraph(candidates);
      int minShared = 1 + random.nextInt(3);
      double maxChance = Math.pow(10, -1 - 3 * random.nextDouble());
      Graph<String, DefaultEdge> projection = wholeProjection(graph, candidates, minShared, maxChance);
      ConnectivityInspector<String, DefaultEdge> components = new ConnectivityInspector<>(projection);

      for (CampaignCandidate c : candidates) {
        assertThat(graph.groupOf(c.getSenderId(), minShared, maxChance))
            .as("round %d, %s", round, c.getSenderId())
            .containsAll(new TreeSet<>(components.connectedSetOf(c.getSenderId())));
      }
    }
  }

  @Test
  void anAccountThatIsNotACandidateHasNoGroup() {
    CoTargetingGraph graph = new CoTargetingGraph(randomCandidates(new SplittableRandom(1), 5));

    assertThat(graph.groupOf("nobody", 2, 1e-3)).isEmpty();
  }

  @Test
  void aRingSharingOnePoolIsOneGroupWhileLonersChasingTheSamePopularMinorsFormNone() {
    SplittableRandom random = new SplittableRandom(11);
    List<CampaignCandidate> candidates = new ArrayList<>();
    for (int loner = 0; loner < 60; loner++) { // everyone chases the most popular of 200 minors
      candidates.add(candidate("loner" + loner, picks(random, 10, i -> "m" + (int) (200 * Math.pow(random.nextDouble(), 3)))));
    }
    for (int member = 0; member < 5; member++) { // a ring: 8 each from one pool of 30, pairwise Jaccard about 0.15
      candidates.add(candidate("ring" + member, picks(random, 8, i -> "pool" + random.nextInt(30))));
    }
    CoTargetingGraph graph = new CoTargetingGraph(candidates);

    assertThat(graph.groupOf("ring0", 2, 0.01)).containsExactly("ring0", "ring1", "ring2", "ring3", "ring4");
    for (int loner = 0; loner < 60; loner++) { // among 1,770 pairs a coincidence may link two, never a group of three
      assertThat(graph.groupOf("loner" + loner, 2, 0.01)).hasSizeLessThan(3).noneMatch(a -> a.startsWith("ring"));
    }
  }

  @Test
  void sharingMoreMinorsIsLessLikelyByChanceAndSharingPopularOnesIsMoreLikely() {
    List<CampaignCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      candidates.add(candidate("fan" + i, "popular1", "popular2", "other" + i));
    }
    candidates.add(candidate("a", "popular1", "popular2", "x1", "x2"));
    candidates.add(candidate("b", "popular1", "popular2", "y1", "y2"));
    candidates.add(candidate("c", "x1", "x2", "z1", "z2"));
    candidates.add(candidate("d", "x1", "x2", "z1", "w1"));
    CoTargetingGraph graph = new CoTargetingGraph(candidates);

    assertThat(graph.chanceOfSharing("a", "b")).isGreaterThan(graph.chanceOfSharing("a", "c"));
    assertThat(graph.chanceOfSharing("c", "d")).isLessThan(graph.chanceOfSharing("a", "c"));
  }

  private static List<String> picks(SplittableRandom random, int count, java.util.function.IntFunction<String> pick) {
    Set<String> picked = new TreeSet<>();
    while (picked.size() < count) {
      picked.add(pick.apply(picked.size()));
    }
    return new ArrayList<>(picked);
  }

  private static CampaignCandidate candidate(String sender, String... minors) {
    return candidate(sender, List.of(minors));
  }

  private static CampaignCandidate candidate(String sender, List<String> minors) {
    return CandidateRecords.candidate(sender, 0L, "e-" + sender, true, 0.5, minors);
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
      candidates.add(CandidateRecords.candidate("s" + c, (long) c, "e" + c, true, 0.5, minors));
    }
    return candidates;
  }

  /** The projection over every pair of candidates, as the definition reads. */
  private static Graph<String, DefaultEdge> wholeProjection(CoTargetingGraph graph, List<CampaignCandidate> candidates,
      int minShared, double maxChance) {
    Graph<String, DefaultEdge> links = new SimpleGraph<>(DefaultEdge.class);
    candidates.forEach(c -> links.addVertex(c.getSenderId()));
    for (CampaignCandidate a : candidates) {
      for (CampaignCandidate b : candidates) {
        if (a.getSenderId().compareTo(b.getSenderId()) >= 0) {
          continue;
        }
        Set<String> shared = new HashSet<>(a.getMinorTargets());
        shared.retainAll(new HashSet<>(b.getMinorTargets()));
        if (shared.size() >= minShared && graph.chanceOfSharing(a.getSenderId(), b.getSenderId()) <= maxChance) {
          links.addEdge(a.getSenderId(), b.getSenderId());
        }
      }
    }
    return links;
  }
}
