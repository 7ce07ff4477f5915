package org.targetwatch.bench.jmh;

import org.targetwatch.topology.AccountMessages;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.TopologyNames;
import org.targetwatch.windows.SenderWindowsProcessor;

/**
 * Stage 3 at the sender's partition ({@link SenderWindowsProcessor}) per new contact: the target
 * recorded, the bucket counters of both windows updated, both windows' figures summed, signals and
 * score computed (and, now and then, an alert or a campaign candidate built). 500 senders take
 * turns, one contact every 20 s of event time, so each sender's burst window holds about nine
 * buckets and its long window fills up to all 28; every contact is to a new target. The stores start
 * empty at each iteration, so the window never reaches its cap of targets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SenderWindowsBenchmark {
  private static final int SENDERS = 500;
  private static final long EVENT_TIME_STEP_MS = 20_000;

  private final DetectorConfig config = DetectorConfig.defaults();
  private final SplittableRandom random = new SplittableRandom(1);
  private MockProcessorContext<Object, Object> context;
  private SenderWindowsProcessor processor;
  private long contacts;

  @Setup(Level.Iteration)
  public void freshStores() {
    context = DetectorStoresOutsideTopology.context(config);
    KeyValueStore<String, Profile> profiles = context.getStateStore(TopologyNames.PROFILE_STORE);
    for (int s = 0; s < SENDERS; s++) {
      // one sender in five is a young account: the campaign path runs too
      long ageDays = s % 5 == 0 ? 3 : 900;
      Instant created = Instant.ofEpochMilli(BenchAccounts.START_MS - ageDays * BenchAccounts.DAY_MS);
      profiles.put(sender(s), new Profile(sender(s), created, created, s % 5 == 0 ? AgeBand.AGE_13_15 : AgeBand.ADULT,
          false));
    }
    processor = new SenderWindowsProcessor(config);
    @SuppressWarnings("unchecked")
    org.apache.kafka.streams.processor.api.ProcessorContext<String, org.apache.avro.specific.SpecificRecord> typed =
        (org.apache.kafka.streams.processor.api.ProcessorContext<String, org.apache.avro.specific.SpecificRecord>)
            (Object) context;
    processor.init(typed);
    contacts = 0;
  }

  private static String sender(int s) {
    return BenchAccounts.accountId(s);
  }

  @Benchmark
  public void newContact() {
    long n = contacts++;
    long at = BenchAccounts.START_MS + n * EVENT_TIME_STEP_MS;
    String sender = sender((int) (n % SENDERS));
    boolean minor = random.nextInt(10) < 6;
    double percentile = random.nextDouble();
    ContactAttempt attempt = new ContactAttempt("e-" + n, sender, "t-" + n, ContactKind.FRIEND_REQUEST, at);
    EnrichedContact contact = new EnrichedContact(attempt, true, minor ? AgeBand.AGE_13_15 : AgeBand.ADULT,
        (int) (percentile * 300), percentile, 95.0, 0.33, random.nextInt(4) == 0 ? 1 : 0, 20, random.nextInt(3), 4_000_000L, 2.5);
    processor.process(new Record<>(sender, AccountMessages.of(contact), at));
    if ((n & 1023) == 0) {
      context.resetForwards();
    }
  }
}
