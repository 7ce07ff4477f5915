package org.targetwatch.bench.jmh;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.friendship.StoredFriends;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.topology.DetectorConfig;

/**
 * The mutual-friends question of a contact ({@link StoredFriends}, on the friendship store's bytes):
 * at the sender, the friends whose word counts as a social tie (all but the sender's own recent
 * contacts); at the recipient, how many of them the recipient shares. Two accounts of a few hundred
 * friends in a population of 5,000. Decoding a set into objects, which each question paid before it
 * read the bytes, is measured beside them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MutualFriendsBenchmark {
  private final DetectorConfig config = DetectorConfig.defaults();
  private byte[] sender;
  private byte[] recipient;
  private List<String> trusted;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    sender = FriendSetBytes.encode(BenchAccounts.friendSet(random, BenchAccounts.TYPICAL_FRIENDS, 5000));
    recipient = FriendSetBytes.encode(BenchAccounts.friendSet(random, BenchAccounts.TYPICAL_FRIENDS, 5000));
    trusted = trustedFriendsOfSender();
  }

  @Benchmark
  public List<String> trustedFriendsOfSender() {
    return StoredFriends.of(sender).trustedIds(BenchAccounts.START_MS, config.longWindow().sizeMs(),
        config.maxSenderFriendsCarried());
  }

  @Benchmark
  public int mutualFriendsAtRecipient() {
    return StoredFriends.of(recipient).countCommon(trusted);
  }

  @Benchmark
  public double minorShareOfSendersFriends() {
    return StoredFriends.of(sender).minorShare();
  }

  @Benchmark
  public FriendSet decodingTheSendersSet() {
    return FriendSetBytes.decode(sender);
  }
}
