package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.TopologyNames;

class ReplayStateSizeTest {
  @TempDir Path dir;

  private StateSize replay(Replay replay, Path events, String name) throws IOException {
    AtomicReference<StateSize> state = new AtomicReference<>();
    replay.run(events, dir.resolve(name + "-alerts.jsonl"), new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {}

      @Override
      public void onProgress(long replayed, long total, long alerts) {}

      @Override
      public void onStateBuilt(Supplier<StateSize> size) {
        state.set(size.get());
      }
    });
    return state.get();
  }

  @Test
  void rocksDbStoresRaiseTheSameAlertsAsInMemoryOnesAndReportTheirEntriesAndBytesOnDisk() throws IOException {
    List<String> lines = ReplayTest.burstScenario();
    Path events = dir.resolve("events.jsonl");
    Files.write(events, lines);

    StateSize inMemory = replay(new Replay(DetectorConfig.defaults()), events, "memory");
    StateSize onDisk = replay(new Replay(DetectorConfig.defaults()).withPersistentStores(dir.resolve("state")), events,
        "rocksdb");

    assertThat(Files.readAllLines(dir.resolve("rocksdb-alerts.jsonl")))
        .isNotEmpty()
        .isEqualTo(Files.readAllLines(dir.resolve("memory-alerts.jsonl")));
    // 261 profiles: one per account; the fake account's 12 targets
    assertThat(inMemory.entriesPerStore()).containsEntry(TopologyNames.PROFILE_STORE, 261L)
        .containsEntry(TopologyNames.SENDER_TARGETS_STORE, 12L);
    assertThat(inMemory.diskBytes()).isZero();
    assertThat(onDisk.entriesPerStore().keySet()).isEqualTo(inMemory.entriesPerStore().keySet());
    assertThat(onDisk.entriesPerStore().get(TopologyNames.PROFILE_STORE)).isPositive();
    assertThat(onDisk.diskBytes()).isPositive();
  }
}
