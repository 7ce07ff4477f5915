package org.targetwatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The account partition must be the one Kafka's default partitioner picks for the account id as key. */
class AccountPartitionerTest {

  @Test
  void agreesWithKafkasDefaultPartitionerForStringKeys() {
    Random random = new Random(5);
    StringSerializer keys = new StringSerializer();
    int checked = 0;
    for (int partitions : new int[] {1, 2, 3, 4, 7, 12, 64}) {
      AccountPartitioner partitioner = new AccountPartitioner(partitions);
      int[] seen = new int[partitions];
      for (int i = 0; i < 2_000; i++) {
        String account = randomId(random);
        int expected = BuiltInPartitioner.partitionForKey(keys.serialize("friend-requests", account), partitions);
        assertThat(partitioner.partitionOf(account)).as(account).isEqualTo(expected);
        seen[expected]++;
        checked++;
      }
      for (int count : seen) {
        assertThat(count).as("every partition owns some accounts").isPositive();
      }
    }
    assertThat(checked).isEqualTo(14_000);
  }

  @Test
  void aPartitionCountBelowOneIsRefused() {
    assertThatThrownBy(() -> new AccountPartitioner(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  /** Ids as platforms write them, with non-ASCII ones among them (the key bytes are UTF-8). */
  private static String randomId(Random random) {
    StringBuilder id = new StringBuilder(random.nextBoolean() ? "acct-" : "ü-");
    int length = 1 + random.nextInt(12);
    for (int c = 0; c < length; c++) {
      id.append(random.nextInt(10) == 0 ? (char) (0x4E00 + random.nextInt(500)) : (char) ('a' + random.nextInt(26)));
    }
    return id.toString();
  }
}
