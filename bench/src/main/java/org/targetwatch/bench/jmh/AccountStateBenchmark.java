package org.targetwatch.bench.jmh;

import org.targetwatch.topology.AccountMessages;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.Record;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetwatch.contacts.AccountEventsProcessor;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.FriendshipChanged;

/**
 * Stages 1 and 2 at an account's own partition ({@link AccountEventsProcessor}), per event: a
 * minor's friendship change (friend set read and rewritten, the minor moved in the degree
 * distribution), a cold friend request extracted at its sender (the sender's trusted friends
 * gathered), and a message remembered at its recipient (who wrote first). The accounts have a
 * typical {@value BenchAccounts#TYPICAL_FRIENDS} friends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccountStateBenchmark {
  private static final int ACCOUNTS = 5000;
  private static final int MINOR = 3; // accounts n % 3 == 0 are minors
  private static final int SENDER = 7;

  private PopulatedStores population;
  private AccountEventsProcessor processor;
  private Record<String, AccountMessage> friendAdded;
  private Record<String, AccountMessage> friendRemoved;
  private Record<String, AccountMessage> coldRequest;
  private Record<String, AccountMessage> coldMessage;
  private boolean friends;

  @Setup
  public void setUp() {
    population = new PopulatedStores(ACCOUNTS, 1);
    SplittableRandom random = new SplittableRandom(2);
    population.giveFriends(MINOR, BenchAccounts.TYPICAL_FRIENDS, random);
    population.giveFriends(SENDER, BenchAccounts.TYPICAL_FRIENDS, random);
    processor = new AccountEventsProcessor(population.config);
    processor.init(population.processorContext());
    long at = BenchAccounts.START_MS;
    String minor = BenchAccounts.accountId(MINOR);
    String newFriend = "acct-new-friend";
    friendAdded = record(minor, new FriendshipChanged(minor, newFriend, true, false, at));
    friendRemoved = record(minor, new FriendshipChanged(minor, newFriend, false, false, at + 1));
    String sender = BenchAccounts.accountId(SENDER);
    coldRequest = record(sender,
        new ContactAttempt("r-1", sender, "acct-stranger", ContactKind.FRIEND_REQUEST, at));
    coldMessage = record(sender, new ContactAttempt("m-1", sender, "acct-stranger", ContactKind.MESSAGE, at));
  }

  private static Record<String, AccountMessage> record(String key, Object payload) {
    return new Record<>(key, AccountMessages.of(payload), BenchAccounts.START_MS);
  }

  /** A minor with a typical friend set gains a friend, or loses the one it gained. */
  @Benchmark
  public void minorFriendshipChange() {
    processor.process(friends ? friendRemoved : friendAdded);
    friends = !friends;
    population.context.resetForwards();
  }

  @Benchmark
  public void coldFriendRequestAtSender() {
    processor.process(coldRequest);
    population.context.resetForwards();
  }

  /** A message to a non-friend: remembered as written first, sent on to the recipient as a candidate. */
  @Benchmark
  public void coldMessageAtSender() {
    processor.process(coldMessage);
    population.context.resetForwards();
  }
}
