package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.topology.DetectorConfig;

class ReplayTest {
  @TempDir Path dir;

  /** A small platform and a burst of requests by a two-day-old fake teen account, one JSON line each. */
  static List<String> burstScenario() {
    Instant past = Instant.parse("2025-01-01T00:00:00Z");
    Instant attack = Instant.parse("2026-03-05T12:00:00Z");
    List<String> lines = new ArrayList<>();
    for (int f = 0; f < 160; f++) {
      lines.add(profile("f" + f, "ADULT", past));
    }
    int event = 0;
    for (int i = 0; i < 100; i++) {
      lines.add(profile("m" + i, i % 3 == 0 ? "16_17" : "13_15", past));
      long degree = Math.round(2 + 150 * Math.pow(i / 100.0, 3));
      for (int f = 0; f < degree; f++) {
        lines.add(request("e" + event++, "m" + i, "f" + f, "ACCEPTED", past.plusSeconds(i * 1000L + f)));
      }
    }
    lines.add(profile("fake", "13_15", attack.minus(Duration.ofDays(2))));
    for (int k = 0; k < 12; k++) {
      lines.add(request("e" + event++, "fake", "m" + (99 - k), "SENT", attack.plus(Duration.ofMinutes(10L * k))));
    }
    return lines;
  }

  static String profile(String id, String band, Instant at) {
    return "{\"type\":\"profile\",\"accountId\":\"" + id + "\",\"updatedAt\":\"" + at + "\",\"createdAt\":\"" + at
        + "\",\"ageBand\":\"" + band + "\"}";
  }

  static String request(String id, String sender, String recipient, String action, Instant at) {
    return "{\"type\":\"friend_request\",\"eventId\":\"" + id + "\",\"occurredAt\":\"" + at + "\",\"senderId\":\""
        + sender + "\",\"recipientId\":\"" + recipient + "\",\"action\":\"" + action + "\"}";
  }

  private Replay.Summary replay(List<String> lines, String name, List<BadLine> bad) throws IOException {
    return replay(new Replay(DetectorConfig.defaults()), lines, name, bad);
  }

  private Replay.Summary replay(Replay replay, List<String> lines, String name, List<BadLine> bad) throws IOException {
    Path events = dir.resolve(name + ".jsonl");
    Files.write(events, lines);
    return replay.run(events, dir.resolve(name + "-alerts.jsonl"), new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {
        bad.add(badLine);
      }

      @Override
      public void onProgress(long replayed, long total, long alerts) {}
    });
  }

  @Test
  void anUnsortedFileWithBadLinesGivesTheAlertsOfTheSortedFileAndReportsEachBadLine() throws IOException {
    List<String> sorted = burstScenario();
    List<String> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.add(5, "not json at all");
    shuffled.add(10, "{\"type\":\"poke\"}");

    List<BadLine> noBadLines = new ArrayList<>();
    Replay.Summary reference = replay(sorted, "sorted", noBadLines);
    List<BadLine> bad = new ArrayList<>();
    Replay.Summary summary = replay(shuffled, "shuffled", bad);

    assertThat(noBadLines).isEmpty();
    assertThat(bad).extracting(BadLine::lineNumber).containsExactly(6L, 11L);
    assertThat(summary.badLines()).isEqualTo(2);
    assertThat(summary.events()).isEqualTo(sorted.size());
    assertThat(reference.alerts()).isGreaterThan(0);
    assertThat(Files.readAllLines(dir.resolve("shuffled-alerts.jsonl")))
        .isEqualTo(Files.readAllLines(dir.resolve("sorted-alerts.jsonl")));
  }

  @Test
  void aFileReadInSectionsOnSeveralThreadsGivesTheAlertsAndBadLinesOfReadingItWhole() throws IOException {
    List<String> shuffled = new ArrayList<>(burstScenario());
    Collections.shuffle(shuffled, new Random(11));
    shuffled.add(3, "not json at all");
    shuffled.add(shuffled.size() - 7, "{\"type\":\"poke\"}");

    List<BadLine> wholeBad = new ArrayList<>();
    Replay.Summary whole = replay(shuffled, "whole", wholeBad);
    List<BadLine> sectionsBad = new ArrayList<>();
    Replay.Summary inSections = replay(new Replay(DetectorConfig.defaults()).readingInSections(4, 1), shuffled,
        "sections", sectionsBad);

    assertThat(whole.alerts()).isGreaterThan(0);
    assertThat(inSections.alerts()).isEqualTo(whole.alerts());
    assertThat(inSections.events()).isEqualTo(whole.events());
    assertThat(sectionsBad).extracting(BadLine::lineNumber).containsExactly(4L, (long) shuffled.size() - 7);
    assertThat(Files.readAllLines(dir.resolve("sections-alerts.jsonl")))
        .isEqualTo(Files.readAllLines(dir.resolve("whole-alerts.jsonl")));
  }
}
