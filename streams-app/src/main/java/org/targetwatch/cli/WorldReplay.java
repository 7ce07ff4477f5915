package org.targetwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.replay.Replay;

/**
 * One replay of a simulated world for the evaluations over many worlds: bad lines reported, no
 * progress lines (one line per world is enough), and the alert file in place only once complete, so
 * that an interrupted run never leaves a partial file to be taken for a finished one.
 */
final class WorldReplay {
  private WorldReplay() {}

  static Replay.Summary toFile(Replay replay, List<Path> inputs, Path alerts, PrintStream err) throws IOException {
    Path partial = alerts.resolveSibling(alerts.getFileName() + ".partial");
    Replay.Summary summary = replay.run(inputs, partial, new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {
        err.println(badLine);
      }

      @Override
      public void onProgress(long replayed, long total, long alertsSoFar) {
        // one line per world is enough over many worlds
      }
    });
    Files.move(partial, alerts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return summary;
  }
}
