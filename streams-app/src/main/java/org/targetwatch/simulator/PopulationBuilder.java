package org.targetwatch.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.targetwatch.schema.AgeBand;

/**
 * Draws the accounts of a platform ({@link WorldParameters.Platform}): age bands (about a third
 * minors, few under 13, in the fixed world), heavy-tailed
 * sociability, account ages, and the communities people belong to offline — schools with grades
 * and staff, workplaces, extended families linking adults and minors, interest groups.
 */
final class PopulationBuilder {
  private static final long DAY = 86_400_000L;
  private final int n;
  private final long start;
  private final SplittableRandom rng;
  /** Band shares, degree shapes, school sizes (small platforms get one school). */
  private final WorldParameters.Platform platform;
  private final List<Community> communities = new ArrayList<>();

  private PopulationBuilder(int n, long start, SplittableRandom rng, WorldParameters.Platform platform) {
    this.n = n;
    this.start = start;
    this.rng = rng;
    this.platform = platform;
  }

  static Population build(int accounts, long start, SplittableRandom rng,
      WorldParameters.Platform platform) {
    return new PopulationBuilder(accounts, start, rng, platform).build();
  }

  private Population build() {
    AgeBand[] band = new AgeBand[n];
    double[] sociability = new double[n];
    long[] createdAt = new long[n];
    for (int i = 0; i < n; i++) {
      band[i] = drawBand();
      sociability[i] = drawSociability(band[i]);
      createdAt[i] = drawCreation(band[i]);
    }
    int[] grade = filled(-1);
    int[] school = filled(-1);
    int[] staffOf = filled(-1);
    int[] workplace = filled(-1);
    int[] family = filled(-1);

    int[] minors = select(band, true);
    int[] adults = select(band, false);
    int[] adultOrder = permutation(adults);
    int nextAdult = 0;

    // schools: every minor goes to one school and one grade of it
    int schools = Math.max(1, Math.round(minors.length / (float) platform.pupilsPerSchool()));
    List<List<IntList>> grades = new ArrayList<>();
    List<IntList> pupils = new ArrayList<>();
    for (int s = 0; s < schools; s++) {
      List<IntList> byGrade = new ArrayList<>();
      for (int g = 0; g < 7; g++) {
        byGrade.add(new IntList());
      }
      grades.add(byGrade);
      pupils.add(new IntList());
    }
    for (int m : minors) {
      int s = rng.nextInt(schools);
      pupils.get(s).add(m);
      grades.get(s).get(gradeIndex(band[m])).add(m);
    }
    for (int s = 0; s < schools; s++) {
      int schoolId = add(Community.Kind.SCHOOL, pupils.get(s), s);
      for (int m : pupils.get(s).toArray()) {
        school[m] = schoolId;
      }
      for (IntList g : grades.get(s)) {
        if (!g.isEmpty()) {
          int gradeId = add(Community.Kind.GRADE, g, s);
          for (int m : g.toArray()) {
            grade[m] = gradeId;
          }
        }
      }
      int staffCount = Math.max(3, pupils.get(s).size() / platform.pupilsPerStaff());
      IntList staff = new IntList();
      for (int k = 0; k < staffCount && nextAdult < adultOrder.length; k++) {
        staff.add(adultOrder[nextAdult++]);
      }
      int staffId = add(Community.Kind.STAFF, staff, s);
      for (int a : staff.toArray()) {
        staffOf[a] = staffId;
        workplace[a] = staffId;
      }
    }

    // workplaces: most other adults work somewhere; sizes are heavy-tailed
    while (nextAdult < adultOrder.length) {
      int size = (int) Math.min(400, pareto(8, platform.workplaceSizeExponent()));
      IntList members = new IntList(size);
      for (int k = 0; k < size && nextAdult < adultOrder.length; k++) {
        int a = adultOrder[nextAdult++];
        if (rng.nextDouble() < 0.8) {
          members.add(a);
        }
      }
      if (members.size() >= 2) {
        int id = add(Community.Kind.WORKPLACE, members, -1);
        for (int a : members.toArray()) {
          workplace[a] = id;
        }
      }
    }

    buildFamilies(minors, adults, family);
    int[][] interests = buildInterests(band);
    return new Population(
        band, createdAt, sociability, grade, school, staffOf, workplace, family, interests,
        communities);
  }

  /** Households of 1-3 children with 0-2 parents on the platform, grouped by 2-3 into extended families with a few more adult relatives. */
  private void buildFamilies(int[] minors, int[] adults, int[] family) {
    int[] children = permutation(minors);
    int[] grownUps = permutation(adults);
    int nextChild = 0;
    int nextAdult = 0;
    while (nextChild < children.length) {
      IntList members = new IntList();
      int households = 2 + rng.nextInt(2);
      for (int h = 0; h < households && nextChild < children.length; h++) {
        double r = rng.nextDouble();
        int kids = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
        for (int k = 0; k < kids && nextChild < children.length; k++) {
          members.add(children[nextChild++]);
        }
        double p = rng.nextDouble();
        int parents = p < 0.15 ? 0 : p < 0.6 ? 1 : 2;
        for (int k = 0; k < parents && nextAdult < grownUps.length; k++) {
          members.add(grownUps[nextAdult++]);
        }
      }
      int relatives = rng.nextInt(4);
      for (int k = 0; k < relatives && nextAdult < grownUps.length; k++) {
        members.add(grownUps[nextAdult++]);
      }
      if (members.size() >= 2) {
        int id = add(Community.Kind.FAMILY, members, -1);
        for (int a : members.toArray()) {
          family[a] = id;
        }
      }
    }
  }

  /** Interest groups of heavy-tailed popularity; teens mostly join teen-oriented ones (gaming, music, sport). */
  private int[][] buildInterests(AgeBand[] band) {
    int teenGroups = Math.max(3, n / 400);
    int adultGroups = Math.max(3, n / 300);
    double[] teenWeights = new double[teenGroups];
    double[] adultWeights = new double[adultGroups];
    for (int g = 0; g < teenGroups; g++) {
      teenWeights[g] = pareto(1, 1.2);
    }
    for (int g = 0; g < adultGroups; g++) {
      adultWeights[g] = pareto(1, 1.2);
    }
    double[] teenCumulative = WeightedChoice.cumulative(teenWeights);
    double[] adultCumulative = WeightedChoice.cumulative(adultWeights);
    IntList[] teenMembers = new IntList[teenGroups];
    IntList[] adultMembers = new IntList[adultGroups];
    int[][] joined = new int[n][];
    for (int i = 0; i < n; i++) {
      double r = rng.nextDouble();
      int count = r < 0.3 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
      IntList mine = new IntList(Math.max(1, count));
      boolean minor = Population.isMinorBand(band[i]);
      for (int k = 0; k < count; k++) {
        boolean teenGroup = rng.nextDouble() < (minor ? 0.75 : 0.12);
        int g = WeightedChoice.pick(teenGroup ? teenCumulative : adultCumulative, rng);
        int key = teenGroup ? g : teenGroups + g;
        if (mine.contains(key)) {
          continue;
        }
        mine.add(key);
        IntList[] members = teenGroup ? teenMembers : adultMembers;
        if (members[g] == null) {
          members[g] = new IntList();
        }
        members[g].add(i);
      }
      joined[i] = mine.toArray();
    }
    int[] communityOfGroup = new int[teenGroups + adultGroups];
    for (int g = 0; g < teenGroups + adultGroups; g++) {
      IntList members = g < teenGroups ? teenMembers[g] : adultMembers[g - teenGroups];
      communityOfGroup[g] = members == null || members.size() < 2
          ? -1
          : add(g < teenGroups ? Community.Kind.TEEN_INTEREST : Community.Kind.ADULT_INTEREST,
              members, -1);
    }
    int[][] interests = new int[n][];
    for (int i = 0; i < n; i++) {
      interests[i] = Arrays.stream(joined[i]).map(g -> communityOfGroup[g]).filter(c -> c >= 0)
          .toArray();
    }
    return interests;
  }

  private int add(Community.Kind kind, IntList members, int school) {
    int[] sorted = members.toArray();
    Arrays.sort(sorted);
    int id = communities.size();
    communities.add(new Community(id, kind, sorted, school));
    return id;
  }

  private AgeBand drawBand() {
    double r = rng.nextDouble();
    if (r < platform.under13Below()) {
      return AgeBand.UNDER_13;
    } else if (r < platform.age13to15Below()) {
      return AgeBand.AGE_13_15;
    } else if (r < platform.minorsBelow()) {
      return AgeBand.AGE_16_17;
    } else if (r < platform.unknownBelow()) {
      return AgeBand.UNKNOWN;
    }
    return AgeBand.ADULT;
  }

  /** Heavy-tailed: most have a few dozen friends, some teens hundreds (Pareto or log-normal). */
  private double drawSociability(AgeBand b) {
    double cap = Math.max(30, n / 4.0);
    WorldParameters.DegreeShape shape = switch (b) {
      case UNDER_13 -> platform.under13Degree();
      case AGE_13_15, AGE_16_17 -> platform.teenDegree();
      default -> platform.adultDegree();
    };
    double drawn = shape.family() == WorldParameters.DegreeShape.Family.PARETO
        ? pareto(shape.scale(), shape.shape())
        : Math.max(1.0, shape.scale() * Math.exp(shape.shape() * rng.nextGaussian()));
    return Math.min(Math.min(shape.cap(), cap), drawn);
  }

  private long drawCreation(AgeBand b) {
    double days = switch (b) {
      case UNDER_13 -> 30 + Math.min(700, exponential(200));
      case AGE_13_15, AGE_16_17 -> 30 + Math.min(2000, exponential(500));
      default -> 30 + Math.min(5000, exponential(900));
    };
    return start - (long) (days * DAY);
  }

  /** Grades 5..11 as 0..6: under-13s in 5-6, 13-15 in 7-9, 16-17 in 10-11. */
  private int gradeIndex(AgeBand b) {
    return switch (b) {
      case UNDER_13 -> rng.nextInt(2);
      case AGE_13_15 -> 2 + rng.nextInt(3);
      default -> 5 + rng.nextInt(2);
    };
  }

  private double pareto(double xm, double alpha) {
    return xm / Math.pow(1.0 - rng.nextDouble(), 1.0 / alpha);
  }

  private double exponential(double mean) {
    return -mean * Math.log(1.0 - rng.nextDouble());
  }

  private int[] select(AgeBand[] band, boolean minors) {
    IntList chosen = new IntList(n);
    for (int i = 0; i < n; i++) {
      if (Population.isMinorBand(band[i]) == minors) {
        chosen.add(i);
      }
    }
    return chosen.toArray();
  }

  private int[] permutation(int[] values) {
    int[] copy = values.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  private int[] filled(int value) {
    int[] array = new int[n];
    Arrays.fill(array, value);
    return array;
  }
}
