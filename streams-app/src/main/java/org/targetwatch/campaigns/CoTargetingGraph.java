package org.targetwatch.campaigns;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
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
 *
 * <p>The graph is kept up to date one candidate at a time ({@link #add}, {@link #remove}), so that
 * stage 4 pays per candidate for that candidate's targets, not for every candidate of the window.
 * It holds exactly the minors some account points to: a minor leaves with its last account.
 */
public final class CoTargetingGraph {
  private static final String ACCOUNT = "account:";
  private static final String MINOR = "minor:";

  private final Graph<String, DefaultEdge> bipartite = new SimpleGraph<>(DefaultEdge.class);

  /** An empty graph, to be filled with {@link #add}. */
  public CoTargetingGraph() {}

  /** The graph of these candidates, one per sender (a later candidate of a sender replaces an earlier one). */
  public CoTargetingGraph(Collection<CampaignCandidate> candidates) {
    candidates.forEach(this::add);
  }

  /**
   * Puts the candidate's account in the graph with edges to its minors, replacing the edges of an
   * earlier candidate of the same sender (its targets can have changed since).
   */
  public void add(CampaignCandidate candidate) {
    String account = ACCOUNT + candidate.getSenderId();
    if (bipartite.containsVertex(account)) {
      remove(candidate.getSenderId());
    }
    bipartite.addVertex(account);
    for (String minor : candidate.getMinorTargets()) {
      bipartite.addVertex(MINOR + minor);
      bipartite.addEdge(account, MINOR + minor);
    }
  }

  /** Takes the account out of the graph, and with it the minors no other account contacted. */
  public void remove(String senderId) {
    String account = ACCOUNT + senderId;
    if (!bipartite.containsVertex(account)) {
      return;
    }
    List<String> minors = Graphs.neighborListOf(bipartite, account);
    bipartite.removeVertex(account);
    for (String minor : minors) {
      if (bipartite.degreeOf(minor) == 0) {
        bipartite.removeVertex(minor);
      }
    }
  }

  public boolean contains(String senderId) {
    return bipartite.containsVertex(ACCOUNT + senderId);
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
   * accounts linked by at least {@code minShared} shared minors (and enough overlap). The component
   * is walked from the account, asking each member which accounts share its minors, so the cost
   * follows the group and its targets, not every pair of candidates sharing a popular minor.
   */
  public Set<String> groupOf(String account, int minShared, double minOverlap) {
    if (!contains(account)) {
      return Set.of();
    }
    Set<String> group = new TreeSet<>();
    Deque<String> toVisit = new ArrayDeque<>();
    group.add(account);
    toVisit.add(account);
    while (!toVisit.isEmpty()) {
      String member = toVisit.poll();
      sharedMinorCounts(member).forEach((other, shared) -> {
        if (!group.contains(other) && linked(member, other, shared, minShared, minOverlap)) {
          group.add(other);
          toVisit.add(other);
        }
      });
    }
    return group;
  }

  /** For each other account sharing a minor with {@code account}: how many minors they share. */
  private Map<String, Integer> sharedMinorCounts(String account) {
    String vertex = ACCOUNT + account;
    Map<String, Integer> counts = new HashMap<>();
    for (String minor : Graphs.neighborListOf(bipartite, vertex)) {
      for (String other : Graphs.neighborListOf(bipartite, minor)) {
        if (!other.equals(vertex)) {
          counts.merge(other.substring(ACCOUNT.length()), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Two accounts are linked by enough shared minors that are also enough of all their minors (Jaccard). */
  private boolean linked(String a, String b, int shared, int minShared, double minOverlap) {
    int union = bipartite.degreeOf(ACCOUNT + a) + bipartite.degreeOf(ACCOUNT + b) - shared;
    return shared >= minShared && shared >= minOverlap * union;
  }

  public Graph<String, DefaultEdge> bipartite() {
    return bipartite;
  }
}
