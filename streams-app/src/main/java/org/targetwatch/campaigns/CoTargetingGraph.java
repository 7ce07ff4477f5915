package org.targetwatch.campaigns;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * The bipartite graph of candidate accounts and the minors they contacted, and the question asked
 * of it: which accounts form groups through shared targets. Two accounts are linked only when they
 * share at least {@code minSharedTargets} minors; groups are the connected components of that
 * projection (components over-merge only through such strong links, which unrelated offenders who
 * happen to share one popular target do not have), and whose target sets overlap enough (Jaccard):
 * plain components over-merge on a platform where every offender chases the same popular minors.
 */
public final class CoTargetingGraph {
  private static final String ACCOUNT = "account:";
  private static final String MINOR = "minor:";

  private final Graph<String, DefaultEdge> bipartite = new SimpleGraph<>(DefaultEdge.class);
  private final Set<String> accounts = new TreeSet<>();

  public CoTargetingGraph(Collection<CampaignCandidate> candidates) {
    for (CampaignCandidate c : candidates) {
      String account = ACCOUNT + c.getSenderId();
      accounts.add(c.getSenderId());
      bipartite.addVertex(account);
      for (String minor : c.getMinorTargets()) {
        bipartite.addVertex(MINOR + minor);
        bipartite.addEdge(account, MINOR + minor);
      }
    }
  }

  /** Minors contacted by both accounts. */
  public Set<String> sharedTargets(String a, String b) {
    Set<String> shared = new TreeSet<>();
    Set<String> ofB = new HashSet<>(Graphs.neighborListOf(bipartite, ACCOUNT + b));
    for (String minor : Graphs.neighborListOf(bipartite, ACCOUNT + a)) {
      if (ofB.contains(minor)) {
        shared.add(minor.substring(MINOR.length()));
      }
    }
    return shared;
  }

  /** Minors contacted by at least two accounts of the group. */
  public Set<String> sharedTargets(Set<String> group) {
    Set<String> shared = new TreeSet<>();
    for (String account : group) {
      for (String minor : Graphs.neighborListOf(bipartite, ACCOUNT + account)) {
        long contactedBy = Graphs.neighborListOf(bipartite, minor).stream()
            .filter(v -> group.contains(v.substring(ACCOUNT.length()))).count();
        if (contactedBy >= 2) {
          shared.add(minor.substring(MINOR.length()));
        }
      }
    }
    return shared;
  }

  /** All minors contacted by the group. */
  public Set<String> minorsOf(Set<String> group) {
    Set<String> minors = new TreeSet<>();
    for (String account : group) {
      for (String minor : Graphs.neighborListOf(bipartite, ACCOUNT + account)) {
        minors.add(minor.substring(MINOR.length()));
      }
    }
    return minors;
  }

  /**
   * The group (sorted account ids) the account belongs to: its connected component in the graph of
   * accounts linked by at least {@code minShared} shared minors. Pairs are counted minor by minor,
   * so the cost follows the shared targets, not the square of the candidates.
   */
  public Set<String> groupOf(String account, int minShared, double minOverlap) {
    Map<String, Integer> pairCounts = new HashMap<>();
    for (String vertex : bipartite.vertexSet()) {
      if (!vertex.startsWith(MINOR)) {
        continue;
      }
      List<String> contactedBy = Graphs.neighborListOf(bipartite, vertex);
      for (int i = 0; i < contactedBy.size(); i++) {
        for (int j = i + 1; j < contactedBy.size(); j++) {
          pairCounts.merge(pairKey(contactedBy.get(i), contactedBy.get(j)), 1, Integer::sum);
        }
      }
    }
    Graph<String, DefaultEdge> links = new SimpleGraph<>(DefaultEdge.class);
    accounts.forEach(links::addVertex);
    pairCounts.forEach((pair, count) -> {
      int cut = pair.indexOf('\u0000');
      String a = pair.substring(0, cut);
      String b = pair.substring(cut + 1);
      int union = bipartite.degreeOf(a) + bipartite.degreeOf(b) - count;
      if (count >= minShared && count >= minOverlap * union) {
        links.addEdge(a.substring(ACCOUNT.length()), b.substring(ACCOUNT.length()));
      }
    });
    if (!links.containsVertex(account)) {
      return Set.of();
    }
    return new TreeSet<>(new ConnectivityInspector<>(links).connectedSetOf(account));
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }

  public Graph<String, DefaultEdge> bipartite() {
    return bipartite;
  }
}
