package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.intake.AccountPartitioner;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * The intake handles an event in place only when its task owns the event's account; a platform
 * whose producer partitions otherwise (here: every event into one partition) loses nothing: each
 * event owned elsewhere goes through {@code account-events}, the alerts are those of a reference
 * run, and the rerouted events are counted for the operator. With Kafka's default partitioner
 * nothing is rerouted.
 */
class InputPartitionedByAnotherPartitionerTest {
  private static final int PARTITIONS = 4;
  private static final int THE_ONE_PARTITION = 3;

  @Test
  void eventsInAnotherPartitionThanTheirAccountsGiveTheReferenceAlertsAndAreCounted(@TempDir Path state)
      throws Exception {
    PlatformScript platform = new PlatformScript(11);
    List<SpecificRecord> all = new ArrayList<>(platform.background());
    platform.rounds().forEach(all::addAll);
    try (KafkaFixture kafka = new KafkaFixture(PARTITIONS);
        DetectorRuntime runtime = DetectorRuntime.start(kafka.config("targetwatch-one-partition", state))) {
      assertThat(runtime.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produceAllInto(THE_ONE_PARTITION, platform.background());
      kafka.awaitProcessed("targetwatch-one-partition");
      for (List<SpecificRecord> round : platform.rounds()) {
        kafka.produceAllInto(THE_ONE_PARTITION, round);
        kafka.awaitProcessed("targetwatch-one-partition");
      }

      List<Alert> alerts = kafka.committedAlerts();
      assertThat(alerts).isNotEmpty();
      assertThat(alerts).extracting(PlatformScript::describe).containsExactlyInAnyOrderElementsOf(
          platform.expectedAlerts(kafka.config("reference", state).detector()).stream().map(PlatformScript::describe).toList());
      long ownedElsewhere = all.stream().filter(event -> ownerPartition(event) != THE_ONE_PARTITION).count();
      assertThat(ownedElsewhere).as("the script's accounts spread over the partitions").isGreaterThan(all.size() / 2);
      assertThat(rerouted(runtime)).isGreaterThanOrEqualTo(ownedElsewhere);
    }
  }

  @Test
  void withKafkasDefaultPartitionerNoEventIsRerouted(@TempDir Path state) throws Exception {
    PlatformScript platform = new PlatformScript(11);
    try (KafkaFixture kafka = new KafkaFixture(PARTITIONS);
        DetectorRuntime runtime = DetectorRuntime.start(kafka.config("targetwatch-default-partitioner", state))) {
      assertThat(runtime.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produce(platform.background());
      kafka.awaitProcessed("targetwatch-default-partitioner");

      assertThat(runtime.meters().get("targetwatch.events.read").counters().stream().mapToDouble(c -> c.count()).sum())
          .isGreaterThanOrEqualTo(platform.background().size());
      assertThat(rerouted(runtime)).isZero();
    }
  }

  private static double rerouted(DetectorRuntime runtime) {
    return runtime.meters().get("targetwatch.events.rerouted").counter().count();
  }

  private static int ownerPartition(SpecificRecord event) {
    AccountPartitioner partitioner = new AccountPartitioner(PARTITIONS);
    if (event instanceof Profile p) {
      return partitioner.partitionOf(p.getAccountId());
    } else if (event instanceof FriendRequestEvent e) {
      return partitioner.partitionOf(e.getSenderId());
    }
    return partitioner.partitionOf(((MessageEvent) event).getSenderId());
  }
}
