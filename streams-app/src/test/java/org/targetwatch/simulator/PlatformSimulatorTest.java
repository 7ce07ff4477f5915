package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformSimulatorTest {
  private static final SimulationConfig SMALL =
      SimulationConfig.defaults(7L).withAccounts(2_000).withDays(7);

  private RecordingSink sink;
  private SimulationResult result;
  private Map<String, Profile> latestProfile;

  @BeforeAll
  void simulateASmallPlatform() {
    sink = new RecordingSink();
    result = new PlatformSimulator().run(SMALL, sink);
    latestProfile = new HashMap<>();
    for (Profile p : sink.profiles) {
      latestProfile.merge(p.getAccountId(), p,
          (a, b) -> b.getUpdatedAt().isBefore(a.getUpdatedAt()) ? a : b);
    }
  }

  @Test
  void theSameSeedGivesTheSameEventsAndAnotherSeedOtherEvents() throws Exception {
    SimulationConfig tiny = SimulationConfig.defaults(11L).withAccounts(500).withDays(3);
    String first = digest(tiny);
    String again = digest(tiny);
    String other = digest(tiny.withSeed(12L));
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void everyClassIsPlantedAndActsAtTwoThousandAccounts() {
    Map<String, Integer> perClass = result.accountsPerClass();
    for (BehaviourClass c : BehaviourClass.values()) {
      assertThat(perClass.getOrDefault(c.label(), 0)).as(c.label()).isGreaterThanOrEqualTo(3);
      if (c != BehaviourClass.ORDINARY) {
        long acting = result.labels().entrySet().stream()
            .filter(e -> e.getValue().equals(c.label()))
            .filter(e -> result.behaviourStarts().containsKey(e.getKey()))
            .count();
        assertThat(acting).as("accounts of %s that acted", c.label()).isGreaterThanOrEqualTo(3);
      }
    }
  }

  @Test
  void aTinyPlatformStillHoldsEveryClassAFewTimes() {
    SimulationResult tiny = new PlatformSimulator()
        .run(SimulationConfig.defaults(3L).withAccounts(500).withDays(4), new RecordingSink());
    for (BehaviourClass c : BehaviourClass.values()) {
      assertThat(tiny.accountsPerClass().getOrDefault(c.label(), 0)).as(c.label())
          .isGreaterThanOrEqualTo(3);
    }
    assertThat(tiny.labels()).hasSize(500);
  }

  @Test
  void everyAccountHasExactlyOneLabelAndAProfile() {
    assertThat(result.labels()).hasSize(SMALL.accounts());
    assertThat(latestProfile.keySet()).isEqualTo(result.labels().keySet());
    assertThat(result.labels().values())
        .allSatisfy(label -> assertThat(BehaviourClass.ofLabel(label)).isNotNull());
  }

  @Test
  void everySenderAndRecipientHasItsProfileEmittedFirstAndDatedNoLater() {
    Map<String, Instant> profiledAt = new HashMap<>();
    for (SpecificRecord r : sink.all) {
      if (r instanceof Profile p) {
        profiledAt.putIfAbsent(p.getAccountId(), p.getUpdatedAt());
        continue;
      }
      String sender = r instanceof FriendRequestEvent e ? e.getSenderId() : ((MessageEvent) r).getSenderId();
      String recipient = r instanceof FriendRequestEvent e ? e.getRecipientId() : ((MessageEvent) r).getRecipientId();
      Instant at = RecordingSink.occurredAt(r);
      assertThat(profiledAt.get(sender)).as("profile of sender of %s", r).isNotNull().isBeforeOrEqualTo(at);
      assertThat(profiledAt.get(recipient)).as("profile of recipient of %s", r).isNotNull().isBeforeOrEqualTo(at);
    }
  }

  @Test
  void noAccountContactsItselfAndEventIdsAreUnique() {
    assertThat(sink.requests).noneMatch(e -> e.getSenderId().equals(e.getRecipientId()));
    assertThat(sink.messages).noneMatch(m -> m.getSenderId().equals(m.getRecipientId()));
    Set<String> ids = new HashSet<>();
    sink.requests.forEach(e -> assertThat(ids.add(e.getEventId())).as(e.getEventId()).isTrue());
    sink.messages.forEach(m -> assertThat(ids.add(m.getEventId())).as(m.getEventId()).isTrue());
  }

  @Test
  void aboutAThirdOfAccountsAreMinorsAndFewAreUnderThirteen() {
    long minors = latestProfile.values().stream().filter(p -> isMinor(p.getAgeBand())).count();
    long under13 = latestProfile.values().stream()
        .filter(p -> p.getAgeBand() == AgeBand.UNDER_13).count();
    double n = latestProfile.size();
    assertThat(minors / n).isBetween(0.28, 0.42);
    assertThat(under13 / n).isBetween(0.01, 0.06);
  }

  @Test
  void minorsDegreesAreHeavyTailed() {
    Map<String, Integer> degree = new HashMap<>();
    for (FriendRequestEvent e : sink.requests(FriendRequestAction.ACCEPTED)) {
      if (e.getOccurredAt().isBefore(SMALL.start())) {
        degree.merge(e.getSenderId(), 1, Integer::sum);
        degree.merge(e.getRecipientId(), 1, Integer::sum);
      }
    }
    List<Integer> minorDegrees = latestProfile.values().stream()
        .filter(p -> isMinor(p.getAgeBand()) && degree.containsKey(p.getAccountId()))
        .map(p -> degree.get(p.getAccountId())).sorted().toList();
    int median = minorDegrees.get(minorDegrees.size() / 2);
    int max = minorDegrees.get(minorDegrees.size() - 1);
    assertThat(max).isGreaterThan(5 * median);
  }

  @Test
  void burstFakeTeensAreCreatedDuringTheObservedPeriodClaimingATeenAge() {
    List<String> fakes = accountsOf(BehaviourClass.BURST_FAKE_TEEN);
    assertThat(fakes).isNotEmpty().allSatisfy(id -> {
      Profile p = firstProfile(id);
      assertThat(p.getCreatedAt()).isAfterOrEqualTo(SMALL.start()).isBefore(SMALL.end());
      assertThat(p.getAgeBand()).isIn(AgeBand.AGE_13_15, AgeBand.AGE_16_17);
    });
  }

  @Test
  void slowAndLowOffendersAreEstablishedAdultAccounts() {
    assertThat(accountsOf(BehaviourClass.SLOW_AND_LOW)).isNotEmpty().allSatisfy(id -> {
      Profile p = firstProfile(id);
      assertThat(p.getAgeBand()).isEqualTo(AgeBand.ADULT);
      assertThat(Duration.between(p.getCreatedAt(), SMALL.start()).toDays()).isGreaterThan(90);
    });
  }

  @Test
  void creatorsWriteToNonFriendsOnlyAfterTheyWroteFirst() {
    Set<String> creators = new HashSet<>(accountsOf(BehaviourClass.CREATOR));
    List<SpecificRecord> inTime = new ArrayList<>(sink.all);
    inTime.sort(Comparator.comparing(RecordingSink::occurredAt));
    Set<String> friendships = new HashSet<>();
    Set<String> wroteToCreator = new HashSet<>();
    long replies = 0;
    for (SpecificRecord r : inTime) {
      if (r instanceof FriendRequestEvent e) {
        String pair = pair(e.getSenderId(), e.getRecipientId());
        if (e.getAction() == FriendRequestAction.ACCEPTED) {
          friendships.add(pair);
        } else if (e.getAction() == FriendRequestAction.REMOVED) {
          friendships.remove(pair);
        }
      } else if (r instanceof MessageEvent m) {
        if (creators.contains(m.getRecipientId())) {
          wroteToCreator.add(m.getSenderId() + ">" + m.getRecipientId());
        }
        // a creator may itself be the fan of another creator: only its writing to non-creators counts
        if (creators.contains(m.getSenderId()) && !creators.contains(m.getRecipientId())
            && !friendships.contains(pair(m.getSenderId(), m.getRecipientId()))) {
          assertThat(wroteToCreator)
              .as("fan %s wrote to creator %s before %s", m.getRecipientId(), m.getSenderId(),
                  m.getOccurredAt())
              .contains(m.getRecipientId() + ">" + m.getSenderId());
          replies++;
        }
      }
    }
    assertThat(replies).isPositive();
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  @Test
  void sockPuppetRingMembersShareTheirTargets() {
    Map<String, List<String>> rings = new TreeMap<>();
    result.rings().forEach((account, ring) -> rings.computeIfAbsent(ring, r -> new ArrayList<>()).add(account));
    assertThat(rings).isNotEmpty();
    Map<String, Set<String>> targets = sentBy(new HashSet<>(result.rings().keySet()));
    for (List<String> members : rings.values()) {
      assertThat(members.size()).isBetween(4, 6);
      for (String member : members) {
        Set<String> shared = new HashSet<>();
        members.stream().filter(other -> !other.equals(member))
            .forEach(other -> shared.addAll(targets.getOrDefault(other, Set.of())));
        shared.retainAll(targets.getOrDefault(member, Set.of()));
        assertThat(shared).as("targets %s shares with its ring", member).isNotEmpty();
      }
    }
  }

  @Test
  void snowballTargetsAreFriendsOfEarlierVictims() {
    Set<String> offenders = new HashSet<>(accountsOf(BehaviourClass.SNOWBALL));
    Map<String, Set<String>> friends = new HashMap<>();
    Map<String, Set<String>> victims = new HashMap<>();
    int later = 0;
    int throughVictims = 0;
    List<FriendRequestEvent> inTime = new ArrayList<>(sink.requests);
    inTime.sort(Comparator.comparing(FriendRequestEvent::getOccurredAt));
    for (FriendRequestEvent e : inTime) {
      String s = e.getSenderId();
      String r = e.getRecipientId();
      switch (e.getAction()) {
        case ACCEPTED -> {
          friends.computeIfAbsent(s, k -> new HashSet<>()).add(r);
          friends.computeIfAbsent(r, k -> new HashSet<>()).add(s);
          if (offenders.contains(s)) {
            victims.computeIfAbsent(s, k -> new HashSet<>()).add(r);
          }
        }
        case REMOVED -> {
          friends.getOrDefault(s, new HashSet<>()).remove(r);
          friends.getOrDefault(r, new HashSet<>()).remove(s);
        }
        case SENT -> {
          if (offenders.contains(s) && victims.containsKey(s)) {
            later++;
            Set<String> mutual = new HashSet<>(friends.getOrDefault(r, Set.of()));
            mutual.retainAll(victims.get(s));
            if (!mutual.isEmpty()) {
              throughVictims++;
            }
          }
        }
        default -> { }
      }
    }
    assertThat(later).isPositive();
    assertThat(throughVictims).isGreaterThanOrEqualTo((int) (0.8 * later));
  }

  @Test
  void offendersReachForHighDegreeMinorsWhileClassmatesAndGamersPickWithoutRegardToDegree() {
    Map<String, Integer> degreeAtStart = new HashMap<>();
    sink.requests(FriendRequestAction.ACCEPTED).stream()
        .filter(e -> e.getOccurredAt().isBefore(SMALL.start()))
        .forEach(e -> {
          degreeAtStart.merge(e.getSenderId(), 1, Integer::sum);
          degreeAtStart.merge(e.getRecipientId(), 1, Integer::sum);
        });
    List<Integer> minorDegrees = latestProfile.values().stream()
        .filter(p -> isMinor(p.getAgeBand()))
        .map(p -> degreeAtStart.getOrDefault(p.getAccountId(), 0)).sorted().toList();
    int upperQuartile = minorDegrees.get(minorDegrees.size() * 3 / 4);

    assertThat(highDegreeShare(BehaviourClass.BURST_FAKE_TEEN, degreeAtStart, upperQuartile))
        .isGreaterThan(0.6);
    assertThat(highDegreeShare(BehaviourClass.SLOW_AND_LOW, degreeAtStart, upperQuartile))
        .isGreaterThan(0.6);
    assertThat(highDegreeShare(BehaviourClass.GAMER_TEEN, degreeAtStart, upperQuartile))
        .isLessThan(0.45);
    assertThat(highDegreeShare(BehaviourClass.NEW_STUDENT, degreeAtStart, upperQuartile))
        .isLessThan(0.45);
  }

  /** Share of the minors a class sent requests to whose degree at the start is above the upper quartile. */
  private double highDegreeShare(
      BehaviourClass c, Map<String, Integer> degreeAtStart, int upperQuartile) {
    List<String> minorTargets = sentBy(new HashSet<>(accountsOf(c))).values().stream()
        .flatMap(Set::stream)
        .filter(id -> isMinor(latestProfile.get(id).getAgeBand()))
        .toList();
    assertThat(minorTargets).as("minors targeted by %s", c.label()).hasSizeGreaterThan(20);
    return minorTargets.stream().filter(id -> degreeAtStart.getOrDefault(id, 0) > upperQuartile)
        .count() / (double) minorTargets.size();
  }

  @Test
  void messageFirstOffendersNeverSendFriendRequests() {
    Set<String> offenders = new HashSet<>(accountsOf(BehaviourClass.MESSAGE_FIRST));
    assertThat(sink.requests(FriendRequestAction.SENT).stream()
        .filter(e -> e.getOccurredAt().isAfter(SMALL.start()))
        .filter(e -> offenders.contains(e.getSenderId()))).isEmpty();
    assertThat(sink.messages.stream().filter(m -> offenders.contains(m.getSenderId()))).isNotEmpty();
  }

  @Test
  void spamContactsMinorsInAboutTheirPopulationShare() {
    Map<String, Set<String>> targets = sentBy(new HashSet<>(accountsOf(BehaviourClass.SPAM)));
    List<String> all = targets.values().stream().flatMap(Set::stream).toList();
    double minorShare = all.stream().filter(id -> isMinor(latestProfile.get(id).getAgeBand())).count()
        / (double) all.size();
    double population = latestProfile.values().stream().filter(p -> isMinor(p.getAgeBand())).count()
        / (double) latestProfile.size();
    assertThat(all.size()).isGreaterThan(200);
    assertThat(minorShare).isBetween(population - 0.08, population + 0.08);
  }

  @Test
  void everyAnswerFollowsARequestBetweenTheSameSenderAndRecipient() {
    Map<String, Instant> sent = new HashMap<>();
    sink.requests(FriendRequestAction.SENT).forEach(e ->
        sent.merge(e.getSenderId() + ">" + e.getRecipientId(), e.getOccurredAt(),
            (a, b) -> a.isBefore(b) ? a : b));
    List<FriendRequestEvent> answers = sink.requests.stream()
        .filter(e -> e.getOccurredAt().isAfter(SMALL.start()))
        .filter(e -> e.getAction() == FriendRequestAction.ACCEPTED
            || e.getAction() == FriendRequestAction.DECLINED
            || e.getAction() == FriendRequestAction.CANCELLED)
        .toList();
    assertThat(answers).isNotEmpty().allSatisfy(e ->
        assertThat(sent.get(e.getSenderId() + ">" + e.getRecipientId()))
            .as("SENT before %s", e).isNotNull().isBefore(e.getOccurredAt()));
  }

  @Test
  void aFewEventsArriveLateByAtMostAnHour() {
    Instant newest = Instant.MIN;
    long behind = 0;
    long observed = 0;
    for (SpecificRecord r : sink.all) {
      if (r instanceof Profile) {
        continue;
      }
      Instant at = RecordingSink.occurredAt(r);
      if (at.isBefore(SMALL.start())) {
        continue;
      }
      observed++;
      if (at.isBefore(newest)) {
        behind++;
        assertThat(Duration.between(at, newest)).isLessThanOrEqualTo(Duration.ofHours(1));
      } else {
        newest = at;
      }
    }
    assertThat(behind).isLessThanOrEqualTo(result.lateEvents());
    assertThat(behind / (double) observed).isBetween(0.005, 0.03);
  }

  @Test
  void theCountsMatchWhatWasEmitted() {
    assertThat(result.profiles()).isEqualTo(sink.profiles.size());
    assertThat(result.friendRequests()).isEqualTo(sink.requests.size());
    assertThat(result.messages()).isEqualTo(sink.messages.size());
    assertThat(result.friendRequestsByAction().get("SENT"))
        .isEqualTo(sink.requests(FriendRequestAction.SENT).size());
  }

  private Map<String, Set<String>> sentBy(Set<String> senders) {
    return sink.requests(FriendRequestAction.SENT).stream()
        .filter(e -> senders.contains(e.getSenderId()))
        .collect(Collectors.groupingBy(FriendRequestEvent::getSenderId,
            Collectors.mapping(FriendRequestEvent::getRecipientId, Collectors.toSet())));
  }

  private List<String> accountsOf(BehaviourClass c) {
    return result.labels().entrySet().stream().filter(e -> e.getValue().equals(c.label()))
        .map(Map.Entry::getKey).toList();
  }

  private Profile firstProfile(String accountId) {
    return sink.profiles.stream().filter(p -> p.getAccountId().equals(accountId)).findFirst()
        .orElseThrow();
  }

  private static boolean isMinor(AgeBand band) {
    return band == AgeBand.UNDER_13 || band == AgeBand.AGE_13_15 || band == AgeBand.AGE_16_17;
  }

  private static String digest(SimulationConfig config) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    new PlatformSimulator().run(config, new EventSink() {
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
    return HexFormat.of().formatHex(sha.digest());
  }
}
