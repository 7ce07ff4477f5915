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
 * of it: which accounts form groups through shared targets. Two accounts are linked when they share
 * at least {@code minSharedTargets} minors and more than chance explains, given how often the other
 * candidates picked those minors: every offender chases popular minors, so sharing a few of the most
 * popular ones is no coordination, while a ring sharing one pool overlaps far beyond chance even
 * when each pair shares only two or three. Groups are the connected components of those links.
 *
 * <p>The graph is kept up to date one candidate at a time ({@link #add}, {@link #remove}), so that
 * stage 4 pays per candidate for that candidate's targets, not for every candidate of the window.
 * It holds exactly the minors some account points to: a minor leaves with its last account.
 */
public final class CoTargetingGraph {
  private static final String ACCOUNT = "account:";
  private static final String MINOR = "minor:";

  private final Graph<String, DefaultEdge> bipartite = new SimpleGraph<>(DefaultEdge.class);
  private int accounts;

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
    accounts++;
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
    accounts--;
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
    Set<String> members = accountVertices(group);
    Set<String> seen = new HashSet<>();
    Set<String> shared = new TreeSet<>();
    for (String account : members) {
      for (String minor : Graphs.neighborListOf(bipartite, account)) {
        if (seen.add(minor) && contactedByTwo(minor, members)) {
          shared.add(minor.substring(MINOR.length()));
        }
      }
    }
    return shared;
  }

  private boolean contactedByTwo(String minor, Set<String> accountVertices) {
    int contactedBy = 0;
    for (DefaultEdge edge : bipartite.edgesOf(minor)) {
      if (accountVertices.contains(Graphs.getOppositeVertex(bipartite, edge, minor)) && ++contactedBy == 2) {
        return true;
      }
    }
    return false;
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
   * accounts linked by at least {@code minShared} shared minors that chance cannot explain ({@link
   * #chanceOfSharing} at most {@code maxChance}). The component is walked from the account, asking
   * each member which accounts share its minors, so the cost follows the group and its targets, not
   * every pair of candidates sharing a popular minor.
   */
  public Set<String> groupOf(String account, int minShared, double maxChance) {
    if (!contains(account)) {
      return Set.of();
    }
    // walked over vertex names, whose hashes are cached, and stripped of their prefix at the end
    Set<String> component = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>();
    component.add(ACCOUNT + account);
    toVisit.add(ACCOUNT + account);
    while (!toVisit.isEmpty()) {
      String member = toVisit.poll();
      sharedMinorCounts(member).forEach((other, shared) -> {
        if (!component.contains(other) && shared.value >= minShared && chanceBetween(member, other) <= maxChance) {
          component.add(other);
          toVisit.add(other);
        }
      });
    }
    if (component.size() > 1) {
      joinThroughTheGroup(component, minShared, maxChance);
    }
    Set<String> group = new TreeSet<>();
    component.forEach(vertex -> group.add(vertex.substring(ACCOUNT.length())));
    return group;
  }

  /**
   * A group's evidence is the group's: an account whose minors lie inside the minors the group
   * contacted together, more than chance explains (with the bar shared among all the accounts
   * looked at), joins it even when it shares too few with any one member (a ring spreads one list
   * thin). Repeated until no account joins, in id order so the
   * group does not depend on the order candidates came in.
   */
  private void joinThroughTheGroup(Set<String> component, int minShared, double maxChance) {
    boolean grew = true;
    while (grew) {
      grew = false;
      Map<String, Count> nearby = new java.util.TreeMap<>();
      for (String member : component) {
        sharedMinorCounts(member).forEach((other, shared) -> {
          if (!component.contains(other)) {
            nearby.putIfAbsent(other, shared);
          }
        });
      }
      GroupPicks group = new GroupPicks(component);
      for (String other : nearby.keySet()) { // each account nearby is one more look: the bar is shared
        if (chanceAgainstGroup(other, group, minShared) * nearby.size() <= maxChance) {
          component.add(other);
          grew = true;
        }
      }
    }
  }

  /** A group's minors, each with how many of its members picked it, counted once per pass. */
  private final class GroupPicks {
    final Map<String, Count> byMinor = new HashMap<>();
    int picks;

    GroupPicks(Set<String> memberVertices) {
      for (String member : memberVertices) {
        for (DefaultEdge edge : bipartite.edgesOf(member)) {
          byMinor.computeIfAbsent(Graphs.getOppositeVertex(bipartite, edge, member), m -> new Count()).value++;
          picks++;
        }
      }
    }
  }

  /**
   * How likely chance alone would put this many of an account's minors inside the group's minors:
   * as {@link #chanceOfSharing} with the group's minors taken as one account's picks, and the
   * popularity of each minor counted without the group's own picks.
   */
  private double chanceAgainstGroup(String accountVertex, GroupPicks group, int minShared) {
    int a = bipartite.degreeOf(accountVertex);
    int minors = bipartite.vertexSet().size() - accounts;
    double pool = bipartite.edgeSet().size() - a - group.picks + minors;
    double hitByAccount = 1;
    int shared = 0;
    for (DefaultEdge edge : bipartite.edgesOf(accountVertex)) {
      String minor = Graphs.getOppositeVertex(bipartite, edge, accountVertex);
      Count byGroup = group.byMinor.get(minor);
      if (byGroup != null) {
        double onePick = (bipartite.degreeOf(minor) - 1 - byGroup.value + 1) / pool;
        hitByAccount *= Math.min(1, group.byMinor.size() * onePick);
        shared++;
      }
    }
    return shared < minShared ? 1.0 : Math.min(1.0, choose(a, shared) * hitByAccount);
  }

  /**
   * How likely chance alone would make two accounts that picked their minors independently share
   * the minors they share (docs/detection.md, "Campaigns"). Each account is taken to pick as the
   * other candidates do: a minor's chance to be one pick is its share of the other candidates'
   * picks (plus one, so that a minor nobody else picked is not impossible), which carries the
   * preference for popular minors every candidate shows. One account hitting each shared minor of
   * the other is then at most its picks times that chance; their product, times the number of ways
   * to choose that many minors from the other's, bounds the chance of such a coincidence. Sharing
   * two of the most popular minors is no coordination; sharing two that nobody else picked is.
   * The larger of the two ways round is taken.
   */
  public double chanceOfSharing(String account, String other) {
    return chanceBetween(ACCOUNT + account, ACCOUNT + other);
  }

  private double chanceBetween(String accountVertex, String otherVertex) {
    int a = bipartite.degreeOf(accountVertex);
    int b = bipartite.degreeOf(otherVertex);
    int minors = bipartite.vertexSet().size() - accounts;
    double pool = bipartite.edgeSet().size() - a - b + minors; // the other candidates' picks, plus one per minor
    Set<String> ofOther = new HashSet<>(Graphs.neighborListOf(bipartite, otherVertex));
    double hitByOther = 1;
    double hitByAccount = 1;
    int shared = 0;
    for (String minor : Graphs.neighborListOf(bipartite, accountVertex)) {
      if (ofOther.contains(minor)) {
        double onePick = (bipartite.degreeOf(minor) - 2 + 1) / pool;
        hitByOther *= Math.min(1, b * onePick);
        hitByAccount *= Math.min(1, a * onePick);
        shared++;
      }
    }
    double chance = Math.max(choose(a, shared) * hitByOther, choose(b, shared) * hitByAccount);
    return Math.min(1.0, chance);
  }

  private static double choose(int n, int k) {
    double ways = 1;
    for (int i = 0; i < k; i++) {
      ways = ways * (n - i) / (i + 1);
    }
    return ways;
  }

  /** The chance test of the tightest link inside a group: the smallest chance over its linked pairs. */
  public double strongestLinkChance(Set<String> group, int minShared) {
    double smallest = 1.0;
    Set<String> members = accountVertices(group);
    for (String member : members) {
      for (Map.Entry<String, Count> other : sharedMinorCounts(member).entrySet()) {
        if (members.contains(other.getKey()) && other.getValue().value >= minShared) {
          smallest = Math.min(smallest, chanceBetween(member, other.getKey()));
        }
      }
    }
    return smallest;
  }

  /** For each other account vertex sharing a minor with this one: how many minors they share. */
  private Map<String, Count> sharedMinorCounts(String accountVertex) {
    Map<String, Count> counts = new HashMap<>();
    for (DefaultEdge toMinor : bipartite.edgesOf(accountVertex)) {
      String minor = Graphs.getOppositeVertex(bipartite, toMinor, accountVertex);
      for (DefaultEdge toAccount : bipartite.edgesOf(minor)) {
        String other = Graphs.getOppositeVertex(bipartite, toAccount, minor);
        if (!other.equals(accountVertex)) {
          counts.computeIfAbsent(other, o -> new Count()).value++;
        }
      }
    }
    return counts;
  }

  private Set<String> accountVertices(Set<String> accounts) {
    Set<String> vertices = new HashSet<>();
    accounts.forEach(a -> vertices.add(ACCOUNT + a));
    return vertices;
  }

  public Graph<String, DefaultEdge> bipartite() {
    return bipartite;
  }

  /** A mutable count, so counting a shared minor does not box an Integer. */
  private static final class Count {
    int value;
  }
}
