package org.targetwatch.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.targetwatch.schema.AgeBand;

/**
 * The friendship graph as it stands before the observed period. Each account reaches out about
 * half its sociability in friendships, mostly inside its communities and otherwise across the
 * platform, choosing partners in proportion to their sociability (so popular people gather
 * friends: a heavy tail, with a few minors holding hundreds); families are densely linked, school
 * staff know a few pupils, and friends of friends become friends (triadic closure).
 */
final class ExistingGraphBuilder {
  private final Population population;
  private final SplittableRandom rng;
  private final WorldParameters.Platform platform;
  private final FriendshipGraph graph;
  private final WeightedMembers[] byCommunity;
  private final WeightedMembers allMinors;
  private final WeightedMembers allAdults;

  private ExistingGraphBuilder(Population population, SplittableRandom rng,
      WorldParameters.Platform platform) {
    this.population = population;
    this.rng = rng;
    this.platform = platform;
    double stubs = 0;
    for (int i = 0; i < population.size; i++) {
      stubs += population.sociability[i];
    }
    this.graph = new FriendshipGraph(population.size, (int) (stubs * 0.8));
    this.byCommunity = new WeightedMembers[population.communities().size()];
    IntList minors = new IntList();
    IntList adults = new IntList();
    for (int i = 0; i < population.size; i++) {
      if (population.inExistingGraph[i]) {
        (population.isMinor(i) ? minors : adults).add(i);
      }
    }
    this.allMinors = new WeightedMembers(minors.toArray(), population);
    this.allAdults = new WeightedMembers(adults.toArray(), population);
  }

  static FriendshipGraph build(Population population, SplittableRandom rng,
      WorldParameters.Platform platform) {
    return new ExistingGraphBuilder(population, rng, platform).build();
  }

  private FriendshipGraph build() {
    for (int i = 0; i < population.size; i++) {
      if (!population.inExistingGraph[i]) {
        continue;
      }
      int stubs = stochasticRound(population.sociability[i] / 2);
      for (int s = 0; s < stubs; s++) {
        int partner = population.isMinor(i) ? minorsPartner(i) : adultsPartner(i);
        if (partner >= 0 && population.inExistingGraph[partner] && agesCanMix(i, partner)) {
          graph.add(i, partner);
        }
      }
    }
    linkFamilies();
    linkStaffToPupils();
    closeTriangles();
    return graph;
  }

  private int minorsPartner(int i) {
    double r = rng.nextDouble();
    if (r < platform.minorGradeBelow()) {
      return pickIn(population.grade[i]);
    } else if (r < platform.minorSchoolBelow()) {
      return pickIn(population.school[i]);
    } else if (r < platform.minorInterestBelow() && population.interests[i].length > 0) {
      return pickIn(population.interests[i][rng.nextInt(population.interests[i].length)]);
    } else if (r < platform.minorAnyMinorBelow()) {
      return allMinors.pick(rng);
    }
    return allAdults.pick(rng);
  }

  private int adultsPartner(int i) {
    double r = rng.nextDouble();
    if (r < platform.adultWorkBelow() && population.workplace[i] >= 0) {
      return pickIn(population.workplace[i]);
    } else if (r < platform.adultInterestBelow() && population.interests[i].length > 0) {
      return pickIn(population.interests[i][rng.nextInt(population.interests[i].length)]);
    } else if (r < platform.adultAnyAdultBelow()) {
      return allAdults.pick(rng);
    }
    return allMinors.pick(rng);
  }

  /** Under-13s and 16-17s rarely befriend each other outside family. */
  private boolean agesCanMix(int a, int b) {
    return !(population.band[a] == AgeBand.UNDER_13
            && population.band[b] == AgeBand.AGE_16_17
        || population.band[b] == AgeBand.UNDER_13
            && population.band[a] == AgeBand.AGE_16_17);
  }

  private int pickIn(int community) {
    if (community < 0) {
      return -1;
    }
    WeightedMembers members = byCommunity[community];
    if (members == null) {
      int[] existing = Arrays.stream(population.community(community).members())
          .filter(m -> population.inExistingGraph[m]).toArray();
      members = new WeightedMembers(existing, population);
      byCommunity[community] = members;
    }
    return members.pick(rng);
  }

  private void linkFamilies() {
    for (Community c : population.communities()) {
      if (c.kind() != Community.Kind.FAMILY) {
        continue;
      }
      int[] m = c.members();
      for (int x = 0; x < m.length; x++) {
        for (int y = x + 1; y < m.length; y++) {
          if (!population.inExistingGraph[m[x]] || !population.inExistingGraph[m[y]]) {
            continue;
          }
          boolean minorX = population.isMinor(m[x]);
          boolean minorY = population.isMinor(m[y]);
          double p = minorX && minorY ? 0.8 : !minorX && !minorY ? 0.7 : 0.6;
          p = Math.min(0.98, p * platform.familyLinkScale());
          if (rng.nextDouble() < p) {
            graph.add(m[x], m[y]);
          }
        }
      }
    }
  }

  /** Coaches and form tutors are friends with a few pupils of their school. */
  private void linkStaffToPupils() {
    for (Community c : population.communities()) {
      if (c.kind() != Community.Kind.STAFF) {
        continue;
      }
      int school = schoolCommunityOf(c.school());
      if (school < 0) {
        continue;
      }
      int[] pupils = population.community(school).members();
      for (int staff : c.members()) {
        if (!population.inExistingGraph[staff] || pupils.length == 0) {
          continue;
        }
        int links = 2 + rng.nextInt(7);
        for (int k = 0; k < links; k++) {
          int pupil = pupils[rng.nextInt(pupils.length)];
          if (population.inExistingGraph[pupil]) {
            graph.add(staff, pupil);
          }
        }
      }
    }
  }

  private int schoolCommunityOf(int schoolIndex) {
    for (Community c : population.communities()) {
      if (c.kind() == Community.Kind.SCHOOL && c.school() == schoolIndex) {
        return c.id();
      }
    }
    return -1;
  }

  /** Friends of friends become friends, mostly within an age group. */
  private void closeTriangles() {
    int[] degreeBefore = new int[population.size];
    for (int u = 0; u < population.size; u++) {
      degreeBefore[u] = graph.degree(u);
    }
    for (int u = 0; u < population.size; u++) {
      int attempts = stochasticRound(degreeBefore[u] * platform.triadicClosure());
      for (int k = 0; k < attempts && graph.degree(u) >= 2; k++) {
        int v = graph.friend(u, rng.nextInt(graph.degree(u)));
        int w = graph.friend(u, rng.nextInt(graph.degree(u)));
        boolean sameAgeGroup = population.isMinor(v) == population.isMinor(w);
        if (v != w && agesCanMix(v, w) && (sameAgeGroup || rng.nextDouble() < 0.05)) {
          graph.add(v, w);
        }
      }
    }
  }

  private int stochasticRound(double x) {
    int whole = (int) x;
    return whole + (rng.nextDouble() < x - whole ? 1 : 0);
  }

  /** Members of a group, drawn in proportion to their sociability. */
  private static final class WeightedMembers {
    private final int[] members;
    private final double[] cumulative;

    WeightedMembers(int[] members, Population population) {
      this.members = members;
      double[] weights = new double[members.length];
      for (int k = 0; k < members.length; k++) {
        weights[k] = population.sociability[members[k]];
      }
      this.cumulative = WeightedChoice.cumulative(weights);
    }

    int pick(SplittableRandom rng) {
      return members.length == 0 ? -1 : members[WeightedChoice.pick(cumulative, rng)];
    }
  }
}
