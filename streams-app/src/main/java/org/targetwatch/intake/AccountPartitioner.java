package org.targetwatch.intake;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of an account's records in the detector's account-keyed topics: what Kafka's
 * default partitioner gives a record keyed by the account id as a UTF-8 string (murmur2 of the key
 * bytes), which is how Kafka Streams writes its repartition topics and how Java producers with the
 * default partitioner write the input topics.
 */
public final class AccountPartitioner {
  private final int partitions;

  /** @param partitions the account topics' partition count */
  public AccountPartitioner(int partitions) {
    if (partitions <= 0) {
      throw new IllegalArgumentException("partition count must be positive, was " + partitions);
    }
    this.partitions = partitions;
  }

  public int partitionOf(String account) {
    return Utils.toPositive(Utils.murmur2(account.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
