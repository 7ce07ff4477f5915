package org.targetwatch.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;

/**
 * A small platform for the integration tests, in the spirit of the topology tests' {@code Scenario}:
 * a background of minors with a heavy-tailed degree distribution, adult fillers, and four brand-new
 * fake teen accounts (one per partition) that each send requests to popular minors, one request per fake account per
 * round. Tests produce the background, then the rounds one at a time (waiting for each to be
 * processed), so the order every processor sees is the order the {@link #expectedAlerts reference
 * run} sees: the real run must give the very same alert ids.
 */
final class PlatformScript {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  static final int PARTITIONS = 4;
  private static final int MINOR_DEGREES = 100;
  private static final int FILLERS_PER_PARTITION = 40;

  private final int rounds;
  private final List<String> fillers = new ArrayList<>();
  private final List<String> offenders = new ArrayList<>();
  private long eventCounter;
  private final List<SpecificRecord> background = new ArrayList<>();
  private final List<List<SpecificRecord>> offenderRounds = new ArrayList<>();

  PlatformScript(int rounds) {
    this.rounds = rounds;
    Instant past = START.minus(Duration.ofDays(400));
    for (int f = 0; f < FILLERS_PER_PARTITION * PARTITIONS; f++) {
      fillers.add(onPartition("f" + f, f % PARTITIONS));
      background.add(profile(fillers.get(f), AgeBand.ADULT, past));
    }
    for (int i = 0; i < MINOR_DEGREES; i++) {
      int degree = (int) Math.round(2 + 150 * Math.pow(i / 100.0, 3));
      for (int p = 0; p < PARTITIONS; p++) {
        String minor = onPartition("m" + i + "p" + p, p);
        background.add(profile(minor, i % 3 == 0 ? AgeBand.AGE_16_17 : AgeBand.AGE_13_15, past));
        for (int f = 0; f < degree; f++) {
          // the fillers' degrees rotate with the minor's partition, so every task's sum of degrees is
          // the same too (the chance links among targets reckon the platform's from it)
          String filler = fillers.get((f + p) % fillers.size());
          background.add(request(minor, filler, FriendRequestAction.ACCEPTED, past.plusSeconds(i * 1000L + f)));
        }
      }
    }
    Instant attack = START.plus(Duration.ofDays(5));
    for (int o = 0; o < PARTITIONS; o++) {
      offenders.add(onPartition("fake" + o, o));
      background.add(profile(offenders.get(o), AgeBand.AGE_13_15, attack.minus(Duration.ofDays(2))));
    }
    for (int r = 0; r < rounds; r++) {
      List<SpecificRecord> round = new ArrayList<>();
      for (int o = 0; o < PARTITIONS; o++) {
        int degreeRank = MINOR_DEGREES - 1 - ((r + 3 * o) % 25);
        int partition = (r + o) % PARTITIONS;
        String target = onPartition("m" + degreeRank + "p" + partition, partition);
        round.add(request(offenders.get(o), target, FriendRequestAction.SENT, attack.plus(Duration.ofMinutes(10L * r + o))));
      }
      offenderRounds.add(round);
    }
  }

  /**
   * An id starting with {@code base} that the default partitioner puts on {@code partition} of
   * {@value #PARTITIONS} (and so on {@code partition % 2} of 2, and on the one of 1). Placing the
   * same degrees, fillers and offenders on every partition gives every task the same minor degree
   * distribution and sum of degrees, so a run on 1, 2 or 4 partitions computes the very same degree ranks,
   * chance links among targets and alerts.
   */
  static String onPartition(String base, int partition) {
    for (int suffix = 0; ; suffix++) {
      String id = base + "-" + suffix;
      if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS == partition) {
        return id;
      }
    }
  }

  List<String> offenders() {
    return List.copyOf(offenders);
  }

  List<SpecificRecord> background() {
    return background;
  }

  List<List<SpecificRecord>> rounds() {
    return offenderRounds;
  }

  /** The alerts of the same events through the same topology in a TopologyTestDriver, in the order the tests produce them. */
  List<Alert> expectedAlerts(DetectorConfig config) {
    EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        DetectorTopology.build(config, serdes, Clock.systemUTC(), true), p)) {
      TestInputTopic<String, Profile> profiles = driver.createInputTopic(config.profilesTopic(),
          Serdes.String().serializer(), serdes.profile().serializer());
      TestInputTopic<String, FriendRequestEvent> requests = driver.createInputTopic(config.friendRequestsTopic(),
          Serdes.String().serializer(), serdes.friendRequest().serializer());
      TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(config.alertsTopic(),
          Serdes.String().deserializer(), serdes.alert().deserializer());
      List<SpecificRecord> all = new ArrayList<>(background);
      offenderRounds.forEach(all::addAll);
      for (SpecificRecord event : all) {
        if (event instanceof Profile profile) {
          profiles.pipeInput(profile.getAccountId(), profile, profile.getUpdatedAt());
        } else if (event instanceof FriendRequestEvent request) {
          requests.pipeInput(request.getSenderId(), request, request.getOccurredAt());
        }
      }
      return alerts.readValuesToList();
    }
  }

  private static Profile profile(String id, AgeBand band, Instant created) {
    return Profile.newBuilder().setAccountId(id).setAgeBand(band).setCreatedAt(created).setUpdatedAt(created)
        .setDeleted(false).build();
  }

  private FriendRequestEvent request(String sender, String recipient, FriendRequestAction action, Instant at) {
    return FriendRequestEvent.newBuilder().setEventId("e" + (++eventCounter)).setOccurredAt(at).setSenderId(sender)
        .setRecipientId(recipient).setAction(action).build();
  }

  static MessageEvent message(String id, String sender, String recipient, Instant at) {
    return MessageEvent.newBuilder().setEventId(id).setOccurredAt(at).setSenderId(sender).setRecipientId(recipient)
        .setConversationId(null).setHasMedia(false).build();
  }

  /**
   * An alert as one comparable line: its id and what it says, the score to two decimals. The
   * reference runs on one partition: a minor's degree rank within its band is blended with its rank
   * among all minors by the task's count of that band's minors (docs/detection.md, "Degree
   * preference"), so with four partitions the mean mid-ranks differ in the fourth decimal, and the
   * scores, through the lean, in the third (measured: three of nine alerts 0.001 higher).
   */
  static String describe(Alert alert) {
    return alert.getAlertId() + " " + alert.getAccountId() + " " + alert.getSeverity() + " " + alert.getEvidence().getWindow()
        + " minors=" + alert.getEvidence().getDistinctMinors() + " targets=" + alert.getEvidence().getDistinctTargets()
        + " score=" + String.format(java.util.Locale.ROOT, "%.2f", alert.getScore());
  }

  static Clock clockAfterTheAttack() {
    return Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
  }
}
