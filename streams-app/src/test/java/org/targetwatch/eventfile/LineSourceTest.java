package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourceTest {

  /** Each line as text, or {@code TOO LONG} for a line that was dropped. */
  private static List<String> linesOf(String content, int maxLineBytes) throws IOException {
    InputStream trickle = new TrickleInputStream(content.getBytes(StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    try (LineSource source = new LineSource(trickle, maxLineBytes)) {
      while (source.next()) {
        lines.add(source.tooLong()
            ? "TOO LONG"
            : new String(source.buffer(), source.lineStart(), source.lineLength(), StandardCharsets.UTF_8));
        assertThat(source.lineNumber()).isEqualTo(lines.size());
      }
    }
    return lines;
  }

  @Test
  void aLineFarLongerThanTheLimitIsDroppedAcrossManyReadsAndTheNextLineIsKept() throws IOException {
    String content = "first\n" + "x".repeat(300_000) + "\nthird\r\nlast";

    assertThat(linesOf(content, 100_000)).containsExactly("first", "TOO LONG", "third", "last");
  }

  @Test
  void aLineOfExactlyTheLimitIsKeptWithOrWithoutACarriageReturn() throws IOException {
    String atLimit = "y".repeat(100_000);

    assertThat(linesOf(atLimit + "\r\n" + atLimit + "\n" + atLimit + "z\n", 100_000))
        .containsExactly(atLimit, atLimit, "TOO LONG");
  }

  @Test
  void linesSplitAcrossReadsAreJoined() throws IOException {
    assertThat(linesOf("ab\n\ncd\r\n\r\nef", 10)).containsExactly("ab", "", "cd", "", "ef");
  }

  /** Hands out at most 7 bytes per read, as a slow pipe might, so lines straddle reads. */
  private static final class TrickleInputStream extends ByteArrayInputStream {
    TrickleInputStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 7));
    }
  }
}
