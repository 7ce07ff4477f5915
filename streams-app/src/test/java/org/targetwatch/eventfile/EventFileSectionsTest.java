package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.EventFiles.ReadResult;

class EventFileSectionsTest {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  /** A sink of one section's events. */
  static class Collected extends ArrayList<SpecificRecord> implements Consumer<SpecificRecord> {
    @Override
    public void accept(SpecificRecord event) {
      add(event);
    }
  }

  /** A file of every kind of line the contract knows: events, blank, CRLF, bad ones, a byte order mark. */
  private static byte[] mixedFile(SplittableRandom random, boolean withOverlongLine) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(BYTE_ORDER_MARK);
    for (int line = 0; line < 400; line++) {
      String text = switch (random.nextInt(9)) {
        case 0 -> "";
        case 1 -> "not json at all";
        case 2 -> "{\"type\":\"poke\"}";
        case 3 -> "   \t";
        case 4 -> "{\"type\":\"profile\",\"accountId\":\"p" + line + "\",\"updatedAt\":0,\"ageBand\":\"13_15\"}\r";
        case 5 -> "{\"type\":\"message\",\"eventId\":\"m" + line + "\",\"occurredAt\":" + line
            + ",\"senderId\":\"a\",\"recipientId\":\"b\"}";
        case 6 -> new String(BYTE_ORDER_MARK, StandardCharsets.ISO_8859_1) + "{}"; // a BOM inside the file is bad
        default -> "{\"type\":\"friend_request\",\"eventId\":\"e" + line + "\",\"occurredAt\":" + line
            + ",\"senderId\":\"s\",\"recipientId\":\"r\",\"action\":\"SENT\"}";
      };
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      if (withOverlongLine && line == 200) {
        out.write(new byte[JsonLinesReader.MAX_LINE_BYTES + 10]);
      }
      out.write('\n');
    }
    out.write("{\"type\":\"profile\",\"accountId\":\"last\",\"updatedAt\":0,\"ageBand\":\"ADULT\"}"
        .getBytes(StandardCharsets.UTF_8)); // no newline at the end
    return out.toByteArray();
  }

  private EventFileSections.Read<Collected> readInSections(Path file, List<BadLine> badLines, int sections)
      throws IOException {
    return EventFileSections.readAll(file, badLines::add, Collected::new, sections, 1);
  }

  @Test
  void aFileReadInSectionsGivesWhatReadingItWholeGivesInTheSameOrder() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 6; round++) {
      byte[] content = mixedFile(random, round == 0);
      Path file = Files.write(dir.resolve("events-" + round + ".jsonl"), content);
      ReadResult whole = EventFiles.read(file.toString(), content);

      for (int sections = 1; sections <= 8; sections++) {
        List<BadLine> badLines = new ArrayList<>();
        EventFileSections.Read<Collected> read = readInSections(file, badLines, sections);

        assertThat(read.sinks()).hasSize(sections);
        assertThat(read.sinks().stream().flatMap(List::stream).toList()).isEqualTo(whole.events());
        assertThat(badLines).isEqualTo(whole.badLines());
        assertThat(read.counts()).isEqualTo(whole.counts());
      }
      assertThat(whole.badLines()).isNotEmpty();
    }
  }

  @Test
  void aLineLongerThanASectionLeavesTheSectionsItCoversEmpty() throws IOException {
    String longLine = "{\"type\":\"profile\",\"accountId\":\"" + "x".repeat(5_000)
        + "\",\"updatedAt\":0,\"ageBand\":\"ADULT\"}";
    String content = "not json\n" + longLine + "\n{\"type\":\"poke\"}\n";
    Path file = Files.writeString(dir.resolve("long.jsonl"), content);

    List<BadLine> badLines = new ArrayList<>();
    EventFileSections.Read<Collected> read = readInSections(file, badLines, 8);

    assertThat(read.sinks().stream().mapToInt(List::size).sum()).isEqualTo(1);
    assertThat(read.sinks().stream().filter(List::isEmpty).count()).isGreaterThanOrEqualTo(5);
    assertThat(badLines).extracting(BadLine::lineNumber).containsExactly(1L, 3L);
    assertThat(read.counts()).isEqualTo(new ReadCounts(3, 1, 2, 0));
  }

  @Test
  void aSmallFileIsReadInOnePieceOnTheCallingThread() throws IOException {
    Path file = Files.writeString(dir.resolve("small.jsonl"),
        "{\"type\":\"profile\",\"accountId\":\"p\",\"updatedAt\":0,\"ageBand\":\"ADULT\"}\n");
    List<String> threads = new ArrayList<>();

    EventFileSections.Read<Collected> read = EventFileSections.readAll(file, bad -> {}, () -> new Collected() {
      @Override
      public void accept(SpecificRecord event) {
        threads.add(Thread.currentThread().getName());
        super.accept(event);
      }
    }, 8, EventFileSections.MIN_SECTION_BYTES);

    assertThat(read.sinks()).hasSize(1);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }
}
