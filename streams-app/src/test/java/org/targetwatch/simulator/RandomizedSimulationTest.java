package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomizedSimulationTest {
  private static final SimulationConfig SMALL =
      SimulationConfig.randomized(21L).withAccounts(3_000).withDays(10);

  private Simulated world;

  @BeforeAll
  void simulateARandomizedWorld() {
    world = Simulated.run(SMALL);
  }

  @Test
  void theSameSeedGivesTheSameRandomizedWorldAndEventsAndItsEventsDifferFromTheFixedWorlds()
      throws Exception {
    SimulationConfig tiny = SimulationConfig.randomized(11L).withAccounts(500).withDays(3);
    assertThat(digest(tiny)).isEqualTo(digest(tiny));
    assertThat(digest(tiny)).isNotEqualTo(digest(tiny.withWorld(WorldParameters.fixed())));
    assertThat(digest(tiny)).isNotEqualTo(digest(tiny.withSeed(12L).withRandomizedWorld()));
  }

  @Test
  void theFixedWorldsEventsForASeedAreThoseSimulateWroteBeforeWorldsWereRandomized()
      throws Exception {
    // pins the fixed world: without --randomize, simulate must write what it always wrote
    SimulationConfig tiny = SimulationConfig.defaults(11L).withAccounts(500).withDays(3);
    assertThat(digest(tiny))
        .isEqualTo("fe845e87441a4106949ff88ff2643939e2cc5cb4e57e68118e74055e6589e133");
  }

  @Test
  void theShareOfMinorProfilesIsNearTheDrawnShare() {
    long minors = world.latestProfile.values().stream().filter(p -> isMinor(p.getAgeBand())).count();
    assertThat(minors / (double) world.latestProfile.size())
        .isCloseTo(SMALL.world().platform().minorShare(), within(0.03));
  }

  @Test
  void everyPlantedAccountCarriesItsParametersWithinItsWorldsRanges() {
    Map<String, Map<String, Number>> parameters = world.result.accountParameters();
    world.result.labels().forEach((id, label) -> {
      BehaviourClass c = BehaviourClass.ofLabel(label);
      if (c == BehaviourClass.ORDINARY) {
        assertThat(parameters).doesNotContainKey(id);
        return;
      }
      Map<String, Number> mine = parameters.get(id);
      assertThat(mine).as(id).isNotNull().containsKey("intensity");
      SMALL.world().ranges().get(c).forEach((parameter, range) -> {
        if (RESOLVED_OR_REPLACED.contains(parameter)) {
          return;
        }
        double value = mine.get(parameter.label()).doubleValue();
        if (c == BehaviourClass.SLOW_AND_LOW && parameter == BehaviourParameter.ACTIVE_DAYS) {
          // stretched so that it contacts about four minors a day at most
          assertThat(value).isGreaterThanOrEqualTo(Math.max(range.lowest() - 0.5,
              mine.get("intensity").doubleValue() / 4 - 0.5));
          return;
        }
        // whole-number parameters are rounded
        assertThat(value).as("%s %s %s", id, label, parameter.label())
            .isBetween(range.lowest() - 0.5, range.highest() + 0.5);
      });
      if (c.isOffender()) {
        assertThat(mine.get("degreePickedShare").doubleValue()).isBetween(0.3, 1.0);
        assertThat(mine.get("acceptanceRate").doubleValue()).isBetween(0.0, 1.0);
      } else {
        assertThat(mine.get("patternOverlap").doubleValue()).isBetween(0.0, 1.0);
      }
    });
  }

  /** Chances resolved per account to 0/1, and values replaced by what the account turned out to be. */
  private static final Set<BehaviourParameter> RESOLVED_OR_REPLACED = Set.of(
      BehaviourParameter.ESTABLISHED, BehaviourParameter.CLAIMS_MINOR_BAND,
      BehaviourParameter.OWN_FRIENDS, BehaviourParameter.ACCOUNT_AGE_DAYS,
      BehaviourParameter.SCHOOLS, BehaviourParameter.RING_SIZE);

  @Test
  void accountsOfOneClassDifferInStrength() {
    List<Double> intensities = world.parametersOf(BehaviourClass.SLOW_AND_LOW, "intensity");
    List<Double> shares = world.parametersOf(BehaviourClass.BURST_FAKE_TEEN, "degreePickedShare");
    assertThat(new HashSet<>(intensities)).hasSizeGreaterThan(1);
    assertThat(new HashSet<>(shares)).hasSizeGreaterThan(1);
  }

  @Test
  void offendersPickingAlwaysByDegreeReachMorePopularMinorsThanThosePickingByDegreeAThirdOfTheTime() {
    Simulated byDegree =
        Simulated.run(withOffenderRange(BehaviourParameter.DEGREE_PICKED_SHARE, Range.of(1.0, 1.0)));
    Simulated mostlyRandom =
        Simulated.run(withOffenderRange(BehaviourParameter.DEGREE_PICKED_SHARE, Range.of(0.3, 0.3)));
    double always = meanPopularityOfOffendersTargets(byDegree);
    double third = meanPopularityOfOffendersTargets(mostlyRandom);
    assertThat(always).isGreaterThan(third + 0.1);
    assertThat(always).isGreaterThan(0.75);
    // the labels' realised figure agrees
    assertThat(byDegree.meanOfOffenders("meanTargetPopularity"))
        .isGreaterThan(mostlyRandom.meanOfOffenders("meanTargetPopularity") + 0.1);
  }

  @Test
  void lookAlikesLeaningToThePatternPickMorePopularMinors() {
    BehaviourClass[] leaners = {BehaviourClass.NEW_STUDENT, BehaviourClass.TEACHER,
        BehaviourClass.GAMER_TEEN, BehaviourClass.POPULAR_TEEN};
    SimulationConfig leaning = SMALL;
    SimulationConfig notLeaning = SMALL;
    for (BehaviourClass c : leaners) {
      leaning = leaning.withWorld(leaning.world()
          .withRange(c, BehaviourParameter.PATTERN_OVERLAP, Range.of(1.0, 1.0)));
      notLeaning = notLeaning.withWorld(notLeaning.world()
          .withRange(c, BehaviourParameter.PATTERN_OVERLAP, Range.of(0.0, 0.0)));
    }
    Simulated lean = Simulated.run(leaning);
    Simulated none = Simulated.run(notLeaning);
    for (BehaviourClass c : leaners) {
      assertThat(lean.meanPopularityOfTargets(c, false))
          .as(c.label()).isGreaterThan(none.meanPopularityOfTargets(c, false) + 0.05);
    }
  }

  @Test
  void aRingsOverlapIsTheMeanPairwiseJaccardOfItsMembersTargetsAndFollowsTheIntendedOverlap() {
    UnaryOperator<WorldParameters> quick = w -> w
        .withRange(BehaviourClass.SOCK_PUPPET_RING, BehaviourParameter.FIRST_DAY_SHARE, Range.of(0, 0))
        .withRange(BehaviourClass.SOCK_PUPPET_RING, BehaviourParameter.ACTIVE_DAYS, Range.of(1, 3))
        .withRange(BehaviourClass.SOCK_PUPPET_RING, BehaviourParameter.RING_LIST_FACTOR, Range.of(1.5, 1.5));
    Simulated shared = Simulated.run(SMALL.withWorld(quick.apply(SMALL.world()
        .withRange(BehaviourClass.SOCK_PUPPET_RING, BehaviourParameter.RING_INTENDED_OVERLAP, Range.of(0.5, 0.5)))));
    Simulated apart = Simulated.run(SMALL.withWorld(quick.apply(SMALL.world()
        .withRange(BehaviourClass.SOCK_PUPPET_RING, BehaviourParameter.RING_INTENDED_OVERLAP, Range.of(0.05, 0.05)))));
    for (Simulated s : List.of(shared, apart)) {
      Map<String, List<String>> rings = s.rings();
      assertThat(rings).isNotEmpty();
      for (List<String> members : rings.values()) {
        assertThat(members.size()).isBetween(3, 8);
        double recorded = s.result.accountParameters().get(members.get(0)).get("ringOverlap").doubleValue();
        int[][] targets = members.stream()
            // the minors it contacted (a new profile also befriends a few adults first)
            .map(m -> s.sentTo(m).stream().filter(s::isMinor)
                .mapToInt(id -> Integer.parseInt(id.substring(1))).toArray())
            .toArray(int[][]::new);
        assertThat(SockPuppetRing.meanPairwiseJaccard(targets)).isCloseTo(recorded, within(0.1));
        members.forEach(m -> assertThat(s.result.accountParameters().get(m).get("ringSize").intValue())
            .isEqualTo(members.size()));
      }
    }
    // targets picked by degree also collide by chance: the intended overlap is about a floor
    assertThat(shared.meanRingOverlap()).isCloseTo(0.5, within(0.15));
    assertThat(apart.meanRingOverlap()).isLessThan(shared.meanRingOverlap() - 0.2);
  }

  @Test
  void popularMinorsAcceptOffendersMoreReadilyAndTheRecordedAcceptanceIsTheirMeanChance() {
    WorldParameters w = SMALL.world();
    for (BehaviourClass c : BehaviourClass.values()) {
      if (c.isOffender()) {
        w = w.withRange(c, BehaviourParameter.BASE_ACCEPTANCE, Range.of(0.05, 0.05))
            .withRange(c, BehaviourParameter.POPULARITY_ACCEPTANCE_BONUS, Range.of(0.35, 0.35));
      }
    }
    w = w.withRange(BehaviourClass.SNOWBALL, BehaviourParameter.MUTUAL_FRIEND_ACCEPTANCE_BONUS,
        Range.of(0, 0));
    Simulated s = Simulated.run(SMALL.withWorld(w));
    int[] popular = new int[2];
    int[] unpopular = new int[2];
    s.result.labels().forEach((id, label) -> {
      if (!BehaviourClass.ofLabel(label).isOffender()) {
        return;
      }
      double recorded = s.result.accountParameters().get(id).get("acceptanceRate").doubleValue();
      assertThat(recorded).as(id).isBetween(0.05, 0.40);
      Set<String> accepted = s.acceptedBy(id);
      for (String target : s.sentTo(id)) {
        if (s.isMinor(target)) {
          int[] tally = s.popularity(target) >= 0.5 ? popular : unpopular;
          tally[0]++;
          tally[1] += accepted.contains(target) ? 1 : 0;
        }
      }
    });
    assertThat(popular[0]).isGreaterThan(50);
    assertThat(unpopular[0]).isGreaterThan(20);
    assertThat(popular[1] / (double) popular[0]).isGreaterThan(unpopular[1] / (double) unpopular[0]);
  }

  @Test
  void establishedAdultsBefriendMinorsWhoAcceptAndAreThenMessaged() {
    Set<String> established = new HashSet<>();
    world.result.labels().forEach((id, label) -> {
      Map<String, Number> p = world.result.accountParameters().get(id);
      if (BehaviourClass.ofLabel(label).isOffender() && p.get("established").intValue() == 1) {
        assertThat(p.get("accountAgeDaysAtStart").longValue()).as(id).isGreaterThanOrEqualTo(120);
        assertThat(world.firstProfile(id).getAgeBand()).isEqualTo(AgeBand.ADULT);
        established.add(id);
      }
    });
    assertThat(established).isNotEmpty();
    long escalated = established.stream()
        .flatMap(id -> world.acceptedBy(id).stream().filter(world::isMinor)
            .filter(minor -> world.messaged(id, minor)))
        .count();
    assertThat(escalated).isPositive();
  }

  @Test
  void noOffenderContactsMoreMinorsThanItsIntensityAndDilutionMixesInItsShareOfAdults() {
    double adults = 0;
    double all = 0;
    double drawn = 0;
    int dilutors = 0;
    for (Map.Entry<String, String> e : world.result.labels().entrySet()) {
      BehaviourClass c = BehaviourClass.ofLabel(e.getValue());
      if (!c.isOffender() || c == BehaviourClass.MESSAGE_FIRST) {
        continue;
      }
      Map<String, Number> p = world.result.accountParameters().get(e.getKey());
      long minors = world.sentTo(e.getKey()).stream().filter(world::isMinor).count();
      assertThat(minors).as(e.getKey()).isLessThanOrEqualTo(p.get("intensity").longValue());
      if (c == BehaviourClass.DILUTION && minors > 0) {
        Set<String> sent = world.sentTo(e.getKey());
        adults += sent.size() - minors;
        all += sent.size();
        drawn += p.get("dilutionShare").doubleValue();
        dilutors++;
      }
    }
    assertThat(dilutors).isPositive();
    assertThat(adults / all).isCloseTo(drawn / dilutors, within(0.12));
  }

  @Test
  void messageFirstOffendersNeverSendFriendRequestsButWriteToMinors() {
    List<String> offenders = world.result.labels().entrySet().stream()
        .filter(e -> e.getValue().equals(BehaviourClass.MESSAGE_FIRST.label()))
        .map(Map.Entry::getKey).toList();
    assertThat(offenders).isNotEmpty().allSatisfy(id -> assertThat(world.sentTo(id)).as(id).isEmpty());
    assertThat(world.popularityOfTargets(BehaviourClass.MESSAGE_FIRST, true)).isNotEmpty();
  }

  @Test
  void aTinyRandomizedPlatformStillHoldsEveryClass() {
    for (long seed = 1; seed <= 4; seed++) {
      SimulationResult tiny = new PlatformSimulator().run(
          SimulationConfig.randomized(seed).withAccounts(300).withDays(2), new RecordingSink());
      assertThat(tiny.labels()).hasSize(300);
      for (BehaviourClass c : BehaviourClass.values()) {
        assertThat(tiny.accountsPerClass().getOrDefault(c.label(), 0)).as("seed %d %s", seed, c.label())
            .isGreaterThanOrEqualTo(3);
      }
    }
  }

  private SimulationConfig withOffenderRange(BehaviourParameter parameter, Range range) {
    WorldParameters w = SMALL.world();
    for (BehaviourClass c : BehaviourClass.values()) {
      if (c.isOffender()) {
        w = w.withRange(c, parameter, range);
      }
    }
    return SMALL.withWorld(w);
  }

  private static double meanPopularityOfOffendersTargets(Simulated s) {
    double sum = 0;
    int n = 0;
    for (BehaviourClass c : BehaviourClass.values()) {
      if (c.isOffender() && c != BehaviourClass.SNOWBALL) {
        for (double p : s.popularityOfTargets(c, c == BehaviourClass.MESSAGE_FIRST)) {
          sum += p;
          n++;
        }
      }
    }
    assertThat(n).isGreaterThan(100);
    return sum / n;
  }

  private static boolean isMinor(AgeBand band) {
    return band == AgeBand.UNDER_13 || band == AgeBand.AGE_13_15 || band == AgeBand.AGE_16_17;
  }

  private static String digest(SimulationConfig config) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    SimulationResult result = new PlatformSimulator().run(config, new EventSink() {
      @Override
      public void profile(Profile p) {
        sha.update(p.toString().getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void friendRequest(FriendRequestEvent e) {
        sha.update(e.toString().getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void message(MessageEvent m) {
        sha.update(m.toString().getBytes(StandardCharsets.UTF_8));
      }
    });
    sha.update(result.labels().toString().getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  /** One simulation and the questions the tests ask of its events. */
  private static final class Simulated {
    final SimulationResult result;
    final RecordingSink sink = new RecordingSink();
    final Map<String, Profile> latestProfile = new HashMap<>();
    final Map<String, Integer> degreeAtStart = new HashMap<>();
    private final int[] minorDegrees;
    private final Map<String, Set<String>> sent = new HashMap<>();
    private final Map<String, Set<String>> accepted = new HashMap<>();
    private final Map<String, Set<String>> messaged = new HashMap<>();

    private Simulated(SimulationConfig config) {
      result = new PlatformSimulator().run(config, sink);
      for (Profile p : sink.profiles) {
        latestProfile.merge(p.getAccountId(), p,
            (a, b) -> b.getUpdatedAt().isBefore(a.getUpdatedAt()) ? a : b);
      }
      for (FriendRequestEvent e : sink.requests) {
        if (e.getOccurredAt().isBefore(config.start())) {
          degreeAtStart.merge(e.getSenderId(), 1, Integer::sum);
          degreeAtStart.merge(e.getRecipientId(), 1, Integer::sum);
        } else if (e.getAction() == FriendRequestAction.SENT) {
          sent.computeIfAbsent(e.getSenderId(), k -> new LinkedHashSet<>()).add(e.getRecipientId());
        } else if (e.getAction() == FriendRequestAction.ACCEPTED) {
          accepted.computeIfAbsent(e.getSenderId(), k -> new HashSet<>()).add(e.getRecipientId());
        }
      }
      for (MessageEvent m : sink.messages) {
        messaged.computeIfAbsent(m.getSenderId(), k -> new LinkedHashSet<>()).add(m.getRecipientId());
      }
      minorDegrees = latestProfile.values().stream().filter(p -> RandomizedSimulationTest.isMinor(p.getAgeBand()))
          .mapToInt(p -> degreeAtStart.getOrDefault(p.getAccountId(), 0)).sorted().toArray();
    }

    static Simulated run(SimulationConfig config) {
      return new Simulated(config);
    }

    boolean isMinor(String id) {
      return RandomizedSimulationTest.isMinor(latestProfile.get(id).getAgeBand());
    }

    /** Share of minors with fewer friends at the start. */
    double popularity(String id) {
      int d = degreeAtStart.getOrDefault(id, 0);
      int fewer = Arrays.binarySearch(minorDegrees, d);
      while (fewer > 0 && minorDegrees[fewer - 1] == d) {
        fewer--;
      }
      return (fewer < 0 ? -fewer - 1 : fewer) / (double) minorDegrees.length;
    }

    Set<String> sentTo(String id) {
      return sent.getOrDefault(id, Set.of());
    }

    Set<String> acceptedBy(String id) {
      return accepted.getOrDefault(id, Set.of());
    }

    boolean messaged(String sender, String recipient) {
      return messaged.getOrDefault(sender, Set.of()).contains(recipient);
    }

    Profile firstProfile(String id) {
      return sink.profiles.stream().filter(p -> p.getAccountId().equals(id)).findFirst().orElseThrow();
    }

    List<Double> parametersOf(BehaviourClass c, String name) {
      List<Double> values = new ArrayList<>();
      result.labels().forEach((id, label) -> {
        if (label.equals(c.label())) {
          values.add(result.accountParameters().get(id).get(name).doubleValue());
        }
      });
      return values;
    }

    /** Popularity of every minor the class's accounts contacted (by request, or by message). */
    List<Double> popularityOfTargets(BehaviourClass c, boolean byMessage) {
      List<Double> out = new ArrayList<>();
      result.labels().forEach((id, label) -> {
        if (label.equals(c.label())) {
          Set<String> targets = byMessage ? messaged.getOrDefault(id, Set.of()) : sentTo(id);
          targets.stream().filter(this::isMinor).forEach(t -> out.add(popularity(t)));
        }
      });
      return out;
    }

    double meanPopularityOfTargets(BehaviourClass c, boolean byMessage) {
      List<Double> p = popularityOfTargets(c, byMessage);
      assertThat(p).as("minors contacted by %s", c.label()).hasSizeGreaterThan(10);
      return p.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    double meanOfOffenders(String parameter) {
      return result.labels().entrySet().stream()
          .filter(e -> BehaviourClass.ofLabel(e.getValue()).isOffender())
          .map(e -> result.accountParameters().get(e.getKey()).get(parameter))
          .filter(Objects::nonNull)
          .mapToDouble(Number::doubleValue).average().orElseThrow();
    }

    Map<String, List<String>> rings() {
      Map<String, List<String>> rings = new TreeMap<>();
      result.rings().forEach((account, ring) -> rings.computeIfAbsent(ring, r -> new ArrayList<>()).add(account));
      rings.values().forEach(m -> m.sort(Comparator.naturalOrder()));
      return rings;
    }

    double meanRingOverlap() {
      return rings().values().stream()
          .mapToDouble(m -> result.accountParameters().get(m.get(0)).get("ringOverlap").doubleValue())
          .average().orElseThrow();
    }
  }
}
