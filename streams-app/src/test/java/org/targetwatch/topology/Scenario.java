package org.targetwatch.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Verdict;
import org.targetwatch.registry.InMemorySchemaRegistry;

/**
 * A tiny platform to write detection tests as scenarios: a background population of minors with a
 * heavy-tailed degree distribution (so "high degree" means something), then whatever the test's
 * accounts do, in event time, through the real topology in a TopologyTestDriver.
 *
 * <p>Background minors {@code m0..m99}: minor {@code mi} has about {@code 2 + 150 (i/100)^3} friends,
 * so {@code m75..m99} are above the upper quartile. Their friends are the adult "fillers"
 * {@code f0..f159}; adults {@code a0..a59} are a separate circle for the test accounts' own adult
 * friends, with no tie to any minor.
 */
public final class Scenario implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  public static final String DEAD_LETTERS = "dead-letters";
  static final int MINORS = 100;

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Profile> profiles;
  private final TestInputTopic<String, FriendRequestEvent> requests;
  private final TestInputTopic<String, MessageEvent> messages;
  private final TestInputTopic<String, SafetyReport> reports;
  private final TestInputTopic<String, ReviewVerdict> verdicts;
  private final TestOutputTopic<String, Alert> alerts;
  private final List<Alert> seen = new ArrayList<>();
  private Instant now = START;
  private long eventCounter;

  public Scenario() {
    this(DetectorConfig.defaults());
  }

  public Scenario(DetectorConfig config) {
    this(config, DetectorMetrics.NONE);
  }

  /** With metrics that hear what the detector counts (held-back alerts, verdicts, reports). */
  public Scenario(DetectorConfig config, DetectorMetrics metrics) {
    DetectorConfig cfg = config.withFutureTolerance(Duration.ofDays(400));
    Clock clock = Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    EventSerdes serdes = testSerdes();
    driver = new TopologyTestDriver(DetectorTopology.build(cfg, serdes, clock, true, 1, metrics), properties());
    profiles = driver.createInputTopic(cfg.profilesTopic(), Serdes.String().serializer(), serdes.profile().serializer());
    requests = driver.createInputTopic(cfg.friendRequestsTopic(), Serdes.String().serializer(),
        serdes.friendRequest().serializer());
    messages = driver.createInputTopic(cfg.messagesTopic(), Serdes.String().serializer(), serdes.message().serializer());
    reports = driver.createInputTopic(cfg.safety().reportsTopic(), Serdes.String().serializer(),
        serdes.safetyReport().serializer());
    verdicts = driver.createInputTopic(cfg.safety().verdictsTopic(), Serdes.String().serializer(),
        serdes.reviewVerdict().serializer());
    alerts = driver.createOutputTopic(cfg.alertsTopic(), Serdes.String().deserializer(), serdes.alert().deserializer());
  }

  /** The production serdes: Confluent wire format against an in-memory registry. */
  static EventSerdes testSerdes() {
    return EventSerdes.confluent(new InMemorySchemaRegistry());
  }

  static Properties properties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "targetwatch-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTERS);
    return p;
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  // ---- the background population

  public static String minor(int i) {
    return "m" + i;
  }

  public static int backgroundDegree(int i) {
    return (int) Math.round(2 + 150 * Math.pow(i / 100.0, 3));
  }

  /** The minors above the population's upper quartile. */
  public static List<String> highDegreeMinors(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(minor(99 - i));
    }
    return ids;
  }

  /** Minors spread over the whole degree range, blind to degree: every k-th. */
  public static List<String> minorsOfAnyDegree(int count) {
    List<String> ids = new ArrayList<>();
    int step = Math.max(1, MINORS / count);
    for (int i = 0; i < count; i++) {
      ids.add(minor((i * step + step / 2) % MINORS));
    }
    return ids;
  }

  /**
   * Young accounts (3 days, 13-15) each sending six requests to minors of {@code popular}, the first
   * ones most often: what chance looks like to the campaign stage, against which a ring is judged.
   */
  public Scenario lonersChasing(List<String> popular, int count) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < count; i++) {
      String loner = "loner" + i;
      account(loner, AgeBand.AGE_13_15, 3);
      for (int t = 0; t < 6; t++) {
        request(loner, popular.get((int) (popular.size() * Math.pow(random.nextDouble(), 2)))).after(Duration.ofMinutes(3));
      }
    }
    return this;
  }

  /**
   * An established adult account (200 days old, friends with 30 adults) that sends friend requests
   * to {@code minors}, 20 minutes apart: the reviewed or reported sender of the safety-loop tests.
   */
  public Scenario establishedAdultContacting(String sender, java.util.List<String> minors) {
    account(sender, org.targetwatch.schema.AgeBand.ADULT, 200);
    for (int a = 0; a < 30; a++) {
      friends(sender, adult(a));
    }
    return requestsTo(sender, minors, java.time.Duration.ofMinutes(20));
  }

  /** The young accounts (4 days, 13-15) of a sock-puppet ring. */
  public Scenario youngRing(List<String> ring) {
    return ring(ring, 4);
  }

  /** The accounts (13-15) of a sock-puppet ring, {@code ageDays} old. */
  public Scenario ring(List<String> ring, int ageDays) {
    for (String member : ring) {
      account(member, AgeBand.AGE_13_15, ageDays);
    }
    return this;
  }

  /**
   * Rounds {@code fromRound} to {@code toRound} (exclusive) of a ring working one shared list: in
   * each, every member from {@code fromMember} on sends one request, 40 minutes apart, member m of
   * round r to target (2m + r) of the list.
   */
  public Scenario ringRounds(List<String> ring, List<String> shared, int fromRound, int toRound, int fromMember) {
    for (int round = fromRound; round < toRound; round++) {
      for (int m = fromMember; m < ring.size(); m++) {
        request(ring.get(m), shared.get((m * 2 + round) % shared.size())).after(Duration.ofMinutes(40));
      }
    }
    return this;
  }

  public static String adult(int i) {
    return "a" + i;
  }

  public Scenario withBackgroundPopulation() {
    Instant past = START.minus(Duration.ofDays(400));
    for (int f = 0; f < 160; f++) {
      profile("f" + f, AgeBand.ADULT, past, past);
    }
    for (int a = 0; a < 60; a++) {
      profile(adult(a), AgeBand.ADULT, past, past);
    }
    for (int i = 0; i < MINORS; i++) {
      AgeBand band = i % 3 == 0 ? AgeBand.AGE_16_17 : AgeBand.AGE_13_15;
      profile(minor(i), band, past, past);
      for (int f = 0; f < backgroundDegree(i); f++) {
        event(minor(i), "f" + f, FriendRequestAction.ACCEPTED, past.plusSeconds(i * 1000L + f));
      }
    }
    return this;
  }

  /**
   * The rest of a platform: {@code accounts} accounts (without profiles) each befriended long ago
   * by the next {@code friendsEach / 2} along a ring. On a real platform a popular minor's hundred
   * friends are among millions; on the background's few hundred accounts alone, any two popular
   * minors would be friends by chance (docs/detection.md, "Targets who know each other").
   */
  public Scenario withCrowd(int accounts, int friendsEach) {
    Instant past = START.minus(Duration.ofDays(300));
    for (int a = 0; a < accounts; a++) {
      for (int k = 1; k <= friendsEach / 2; k++) {
        event("crowd" + a, "crowd" + ((a + k) % accounts), FriendRequestAction.ACCEPTED, past.plusSeconds(a));
      }
    }
    return this;
  }

  // ---- what accounts do

  public Scenario at(Instant time) {
    now = time;
    return this;
  }

  public Scenario after(Duration d) {
    now = now.plus(d);
    return this;
  }

  public Instant now() {
    return now;
  }

  public Scenario profile(String id, AgeBand band, Instant createdAt, Instant updatedAt) {
    profiles.pipeInput(id, Profile.newBuilder().setAccountId(id).setAgeBand(band).setCreatedAt(createdAt)
        .setUpdatedAt(updatedAt).setDeleted(false).build(), updatedAt);
    return this;
  }

  /** An account of the given band created {@code ageDays} before now, with its profile known from creation. */
  public Scenario account(String id, AgeBand band, int ageDays) {
    Instant created = now.minus(Duration.ofDays(ageDays));
    return profile(id, band, created, created);
  }

  public Scenario deleted(String id, AgeBand band) {
    profiles.pipeInput(id, Profile.newBuilder().setAccountId(id).setAgeBand(band).setCreatedAt(START)
        .setUpdatedAt(now).setDeleted(true).build(), now);
    return this;
  }

  /** An existing friendship, dated long before now. */
  public Scenario friends(String a, String b) {
    return event(a, b, FriendRequestAction.ACCEPTED, now.minus(Duration.ofDays(200)));
  }

  public Scenario request(String sender, String recipient) {
    return event(sender, recipient, FriendRequestAction.SENT, now);
  }

  public Scenario accept(String sender, String recipient) {
    return event(sender, recipient, FriendRequestAction.ACCEPTED, now);
  }

  public Scenario decline(String sender, String recipient) {
    return event(sender, recipient, FriendRequestAction.DECLINED, now);
  }

  public Scenario remove(String sender, String recipient) {
    return event(sender, recipient, FriendRequestAction.REMOVED, now);
  }

  public Scenario event(String sender, String recipient, FriendRequestAction action, Instant at) {
    return pipe(FriendRequestEvent.newBuilder().setEventId("e" + (++eventCounter)).setOccurredAt(at)
        .setSenderId(sender).setRecipientId(recipient).setAction(action).build());
  }

  public Scenario pipe(FriendRequestEvent event) {
    return pipeWithKey(event.getSenderId(), event);
  }

  /** Pipes a friend-request event under the given record key (which a broken producer may get wrong). */
  public Scenario pipeWithKey(String key, FriendRequestEvent event) {
    requests.pipeInput(key, event, event.getOccurredAt());
    return this;
  }

  public Scenario message(String sender, String recipient) {
    MessageEvent m = MessageEvent.newBuilder().setEventId("e" + (++eventCounter)).setOccurredAt(now)
        .setSenderId(sender).setRecipientId(recipient).setConversationId(null).setHasMedia(false).build();
    messages.pipeInput(sender, m, now);
    return this;
  }

  // ---- the safety loop: what the people who act feed back

  /** The reporter blocks the reported account, now. */
  public Scenario block(String reporter, String reported) {
    return safetyReport(reporter, reported, SafetyAction.BLOCKED, null);
  }

  public Scenario unblock(String reporter, String reported) {
    return safetyReport(reporter, reported, SafetyAction.UNBLOCKED, null);
  }

  /** The reporter reports the reported account for {@code category}, now. */
  public Scenario report(String reporter, String reported, ReportCategory category) {
    return safetyReport(reporter, reported, SafetyAction.REPORTED, category);
  }

  public Scenario safetyReport(String reporter, String reported, SafetyAction action, ReportCategory category) {
    return pipe(new SafetyReport("r" + (++eventCounter), now, reporter, reported, action, category));
  }

  /** Pipes a report as a platform produces it: keyed by the reported account. */
  public Scenario pipe(SafetyReport report) {
    reports.pipeInput(report.getReportedId(), report, report.getOccurredAt());
    return this;
  }

  /** A reviewer's verdict on the account, now, naming {@code alertId} (null: none). */
  public Scenario verdict(String account, Verdict verdict, String alertId) {
    return pipe(new ReviewVerdict("v" + (++eventCounter), now, account, verdict, alertId, "rv-1"));
  }

  /** Pipes a verdict keyed by its account. */
  public Scenario pipe(ReviewVerdict verdict) {
    verdicts.pipeInput(verdict.getAccountId(), verdict, verdict.getOccurredAt());
    return this;
  }

  /** Requests to each target, {@code gap} apart. */
  public Scenario requestsTo(String sender, List<String> targets, Duration gap) {
    for (String target : targets) {
      request(sender, target);
      after(gap);
    }
    return this;
  }

  public Scenario messagesTo(String sender, List<String> targets, Duration gap) {
    for (String target : targets) {
      message(sender, target);
      after(gap);
    }
    return this;
  }

  // ---- what came out

  /** All alerts emitted so far. */
  public List<Alert> alerts() {
    seen.addAll(alerts.readValuesToList());
    return List.copyOf(seen);
  }

  public List<Alert> alertsFor(String account) {
    return alerts().stream().filter(a -> a.getAccountId().equals(account)).toList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
