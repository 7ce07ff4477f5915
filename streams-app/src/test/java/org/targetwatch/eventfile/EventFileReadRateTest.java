package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * Measures how fast an event file is written and read, on a generated file of a million lines,
 * and prints the rates; the replay needs well over 100,000 events/s from the reader. It asserts
 * only what was read, never a time (the machine's load is not the code's fault). Off by default:
 * {@code mvn -o -q -pl streams-app -am test -Dtest=EventFileReadRateTest -Dtargetwatch.perf=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "targetwatch.perf", matches = "true")
class EventFileReadRateTest {

  private static final int LINES = 1_000_000;
  private static final int ACCOUNTS = 50_000;
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void aMillionLineEventFileIsReadWholeAndTheRateIsPrinted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("events.jsonl");
    long writeStart = System.nanoTime();
    writeMixedEvents(file);
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    System.out.printf("event file: %,d lines, %,d bytes; written at %,.0f lines/s%n",
        LINES, Files.size(file), LINES / writeSeconds);

    for (int round = 1; round <= 3; round++) {
      long[] checksum = {0};
      long readStart = System.nanoTime();
      ReadCounts counts = EventFileReader.readAll(file, bad -> { throw new AssertionError(bad.toString()); },
          event -> checksum[0] += EventFieldMapping.eventTime(event).toEpochMilli());
      double readSeconds = (System.nanoTime() - readStart) / 1e9;
      System.out.printf("read round %d: %,d events in %.2f s = %,.0f lines/s%n",
          round, counts.records(), readSeconds, counts.lines() / readSeconds);

      assertThat(counts).isEqualTo(new ReadCounts(LINES, LINES, 0, 0));
      assertThat(checksum[0]).isPositive();
    }
  }

  /** 10% profiles, 50% friend requests, 40% messages, between random accounts, one second apart. */
  private static void writeMixedEvents(Path file) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    AgeBand[] bands = AgeBand.values();
    FriendRequestAction[] actions = FriendRequestAction.values();
    try (EventFileWriter writer = EventFileWriter.create(file)) {
      for (int i = 0; i < LINES; i++) {
        Instant at = START.plusMillis(i * 1_000L + random.nextInt(1_000));
        String sender = "acct-" + random.nextInt(ACCOUNTS);
        String recipient = "acct-" + random.nextInt(ACCOUNTS);
        int kind = random.nextInt(10);
        SpecificRecord event;
        if (kind == 0) {
          event = new Profile(sender, at, at.minusSeconds(86_400L * random.nextInt(1_000)),
              bands[random.nextInt(bands.length)], false);
        } else if (kind <= 5) {
          event = new FriendRequestEvent("fr-" + i, at, sender, recipient, actions[random.nextInt(actions.length)]);
        } else {
          event = new MessageEvent("msg-" + i, at, sender, recipient, "conv-" + random.nextInt(100_000),
              random.nextInt(5) == 0);
        }
        writer.write(event);
      }
    }
  }
}
