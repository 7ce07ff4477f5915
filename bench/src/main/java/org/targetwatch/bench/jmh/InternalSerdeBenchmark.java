package org.targetwatch.bench.jmh;

import org.targetwatch.topology.AccountMessages;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * The internal serde ({@link InternalAvroSerde}: version byte + Avro binary) on the values it
 * carries most: a contact on its two repartition hops (a candidate carrying the sender's trusted
 * friend ids to the recipient, then the enriched contact back), and an account's friend set, read on
 * every contact and message and rewritten on every friendship change.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InternalSerdeBenchmark {
  private final InternalAvroSerde<AccountMessage> messages = InternalAvroSerde.of(AccountMessage.class);
  private final InternalAvroSerde<FriendSet> friendSets = InternalAvroSerde.of(FriendSet.class);
  private AccountMessage candidate;
  private AccountMessage enriched;
  private FriendSet friendSet;
  private byte[] candidateBytes;
  private byte[] enrichedBytes;
  private byte[] friendSetBytes;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    friendSet = BenchAccounts.friendSet(random, BenchAccounts.TYPICAL_FRIENDS, 5000);
    ContactAttempt attempt = new ContactAttempt("r-000001234567", BenchAccounts.accountId(17),
        BenchAccounts.accountId(4242), ContactKind.FRIEND_REQUEST, BenchAccounts.START_MS);
    candidate = AccountMessages.of(new ContactCandidate(attempt, BenchAccounts.idsOf(friendSet), false, BenchAccounts.idsOf(friendSet).subList(0, 20), 4_000_000L, 1.0));
    enriched = AccountMessages.of(new EnrichedContact(attempt, true, AgeBand.AGE_13_15, 180, 0.82, 95.0, 0.31, 2, 20, 1, 4_000_000L, 2.5));
    candidateBytes = messages.toBytes(candidate);
    enrichedBytes = messages.toBytes(enriched);
    friendSetBytes = friendSets.toBytes(friendSet);
  }

  @Benchmark
  public byte[] serializeContactCandidate() {
    return messages.toBytes(candidate);
  }

  @Benchmark
  public AccountMessage deserializeContactCandidate() {
    return messages.fromBytes(candidateBytes);
  }

  @Benchmark
  public byte[] serializeEnrichedContact() {
    return messages.toBytes(enriched);
  }

  @Benchmark
  public AccountMessage deserializeEnrichedContact() {
    return messages.fromBytes(enrichedBytes);
  }

  @Benchmark
  public byte[] serializeFriendSet() {
    return friendSets.toBytes(friendSet);
  }

  @Benchmark
  public FriendSet deserializeFriendSet() {
    return friendSets.fromBytes(friendSetBytes);
  }
}
