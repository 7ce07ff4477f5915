package org.targetwatch.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
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
 * a background of minors with a heavy-tailed degree distribution, adult fillers, and a few brand-new
 * fake teen accounts that each send requests to popular minors, one request per fake account per
 * round. Tests produce the background, then the rounds one at a time (waiting for each to be
 * processed), so the order every processor sees is the order the {@link #expectedAlerts reference
 * run} sees: the real run must give the very same alert ids.
 */
final class PlatformScript {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final int MINORS = 100;

  private final int offenders;
  private final int rounds;
  private long eventCounter;
  private final List<SpecificRecord> background = new ArrayList<>();
  private final List<List<SpecificRecord>> offenderRounds = new ArrayList<>();

  PlatformScript(int offenders, int rounds) {
    this.offenders = offenders;
    this.rounds = rounds;
    Instant past = START.minus(Duration.ofDays(400));
    for (int f = 0; f < 160; f++) {
      background.add(profile("f" + f, AgeBand.ADULT, past));
    }
    for (int i = 0; i < MINORS; i++) {
      background.add(profile("m" + i, i % 3 == 0 ? AgeBand.AGE_16_17 : AgeBand.AGE_13_15, past));
      int degree = (int) Math.round(2 + 150 * Math.pow(i / 100.0, 3));
      for (int f = 0; f < degree; f++) {
        background.add(request("m" + i, "f" + f, FriendRequestAction.ACCEPTED, past.plusSeconds(i * 1000L + f)));
      }
    }
    Instant attack = START.plus(Duration.ofDays(5));
    for (int o = 0; o < offenders; o++) {
      background.add(profile(offender(o), AgeBand.AGE_13_15, attack.minus(Duration.ofDays(2))));
    }
    for (int r = 0; r < rounds; r++) {
      List<SpecificRecord> round = new ArrayList<>();
      for (int o = 0; o < offenders; o++) {
        String target = "m" + (99 - ((r + 3 * o) % 25));
        round.add(request(offender(o), target, FriendRequestAction.SENT, attack.plus(Duration.ofMinutes(10L * r + o))));
      }
      offenderRounds.add(round);
    }
  }

  static String offender(int o) {
    return "fake" + o;
  }

  List<String> offenders() {
    List<String> ids = new ArrayList<>();
    for (int o = 0; o < offenders; o++) {
      ids.add(offender(o));
    }
    return ids;
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

  static Clock clockAfterTheAttack() {
    return Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
  }
}
