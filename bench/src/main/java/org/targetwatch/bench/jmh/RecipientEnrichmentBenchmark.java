package org.targetwatch.bench.jmh;

import org.targetwatch.topology.AccountMessages;
import java.util.List;
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
import org.targetwatch.contacts.RecipientEnrichment;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.PeerFriendshipChanged;

/**
 * Stage 2 at the recipient's partition ({@link RecipientEnrichment}), per event: a cold contact
 * joined with the recipient's profile, degree, degree rank among minors and mutual friends with the
 * sender; and the other side of a friendship that began or ended (with the friend's age band) applied
 * to an account's friend set. Recipients are drawn from
 * a 5,000-account population; the sender carries {@value BenchAccounts#TYPICAL_FRIENDS} trusted friends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecipientEnrichmentBenchmark {
  private static final int ACCOUNTS = 5000;
  private static final int SENDER = 7;

  private PopulatedStores population;
  private RecipientEnrichment processor;
  private Record<String, AccountMessage>[] contacts;
  private Record<String, AccountMessage> peerSideAdded;
  private Record<String, AccountMessage> peerSideRemoved;
  private boolean friends;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    population = new PopulatedStores(ACCOUNTS, 1);
    SplittableRandom random = new SplittableRandom(2);
    FriendSet senderFriends = population.giveFriends(SENDER, BenchAccounts.TYPICAL_FRIENDS, random);
    List<String> trusted = BenchAccounts.idsOf(senderFriends);
    processor = new RecipientEnrichment(population.config);
    processor.init(population.processorContext());
    String sender = BenchAccounts.accountId(SENDER);
    contacts = new Record[1024];
    for (int i = 0; i < contacts.length; i++) {
      String recipient = BenchAccounts.accountId(random.nextInt(ACCOUNTS));
      ContactAttempt attempt = new ContactAttempt("r-" + i, sender, recipient, ContactKind.FRIEND_REQUEST,
          BenchAccounts.START_MS + i);
      contacts[i] = new Record<>(recipient, AccountMessages.of(new ContactCandidate(attempt, trusted, false, trusted.subList(0, Math.min(20, trusted.size())), 4_000_000L, 1.0)),
          BenchAccounts.START_MS + i);
    }
    String account = BenchAccounts.accountId(SENDER);
    peerSideAdded = new Record<>(account, AccountMessages.of(
        new PeerFriendshipChanged(account, "acct-new-friend", true, BenchAccounts.START_MS, AgeBand.AGE_16_17)),
        BenchAccounts.START_MS);
    peerSideRemoved = new Record<>(account, AccountMessages.of(
        new PeerFriendshipChanged(account, "acct-new-friend", false, BenchAccounts.START_MS + 1, AgeBand.AGE_16_17)),
        BenchAccounts.START_MS + 1);
  }

  @Benchmark
  public void enrichContact() {
    processor.process(contacts[next++ & 1023]);
    population.context.resetForwards();
  }

  /** The sender gains a friend, told by the friend's partition, or loses the one it gained. */
  @Benchmark
  public void peerSideOfAFriendship() {
    processor.process(friends ? peerSideRemoved : peerSideAdded);
    friends = !friends;
    population.context.resetForwards();
  }
}
