package org.targetwatch.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The worlds of a multi-world evaluation: {@code WORK/world-SEED}, each written by {@code simulate}
 * (called in-process) unless it already holds {@code events.jsonl} and {@code labels.json}, in which
 * case it is reused as it is — tuning loops evaluate the same worlds again and again.
 *
 * <p>A world is written into a fresh side directory and moved into place file by file, labels last,
 * so an interrupted or concurrent generation never leaves a world that looks complete and is not. The
 * {@code simulate} arguments are kept beside it ({@value #ARGUMENTS_FILE}) so that reusing a world
 * made with other sizes is refused instead of silently evaluated.
 */
final class SimulatedWorlds {
  /** The {@code simulate} flag that randomizes a world's class mix and tactic parameters per seed. */
  static final String RANDOMIZE_FLAG = "--randomize";
  /** The {@code simulate} flag that adds blocks and reports to a world's events. */
  static final String REPORTS_FLAG = "--reports";
  static final String EVENTS = "events.jsonl";
  static final String LABELS = "labels.json";
  static final String ARGUMENTS_FILE = "simulate-arguments.txt";

  private final Path work;
  private final int accounts;
  private final int days;
  private final boolean randomize;
  private final boolean reports;

  /** A world could not be made or reused; the message is one line. */
  static final class WorldException extends IOException {
    WorldException(String message) {
      super(message);
    }
  }

  SimulatedWorlds(Path work, int accounts, int days, boolean randomize) {
    this(work, accounts, days, randomize, false);
  }

  /** @param reports whether the worlds have blocks and reports ({@code simulate --reports}) */
  SimulatedWorlds(Path work, int accounts, int days, boolean randomize, boolean reports) {
    this.work = work;
    this.accounts = accounts;
    this.days = days;
    this.randomize = randomize;
    this.reports = reports;
  }

  Path directoryOf(long seed) {
    return work.resolve("world-" + seed);
  }

  /** The {@code simulate} command line that makes the world of {@code seed} in {@code output}. */
  List<String> simulateArguments(long seed, Path output) {
    List<String> args = new ArrayList<>(List.of("simulate"));
    if (randomize) {
      args.add(RANDOMIZE_FLAG);
    }
    if (reports) {
      args.add(REPORTS_FLAG);
    }
    args.addAll(List.of("--seed", String.valueOf(seed), "--accounts", String.valueOf(accounts), "--days",
        String.valueOf(days), "--output", output.toString()));
    return args;
  }

  static boolean isComplete(Path world) {
    return Files.isRegularFile(world.resolve(EVENTS)) && Files.isRegularFile(world.resolve(LABELS));
  }

  /** The world of {@code seed}, generated now or reused as it is. @throws WorldException when it can be neither */
  Prepared prepare(long seed) throws IOException {
    Path world = directoryOf(seed);
    String wanted = describe(seed);
    if (isComplete(world)) {
      Path arguments = world.resolve(ARGUMENTS_FILE);
      if (Files.isRegularFile(arguments)) {
        String made = Files.readString(arguments).strip();
        if (!made.equals(wanted)) {
          throw new WorldException(world + " was made by '" + made + "', not '" + wanted
              + "': use another --work directory, or delete " + world);
        }
      }
      return new Prepared(world, false);
    }
    Files.createDirectories(work);
    Path side = Files.createTempDirectory(work, "world-" + seed + "-partial-");
    try {
      int code = TargetwatchCommand.execute(simulateArguments(seed, side).toArray(String[]::new));
      if (code != 0 || !isComplete(side)) {
        throw new WorldException("'" + wanted + "' failed (exit code " + code + ")"
            + (randomize && code == 2 ? "; does this build's simulate know " + RANDOMIZE_FLAG + "? (--no-randomize uses the plain simulator)" : ""));
      }
      Files.writeString(side.resolve(ARGUMENTS_FILE), wanted + "\n");
      Files.createDirectories(world);
      moveInto(side, world);
    } finally {
      deleteQuietly(side);
    }
    return new Prepared(world, true);
  }

  /** A world directory ready to evaluate. */
  record Prepared(Path directory, boolean generated) {}

  private String describe(long seed) {
    return String.join(" ", simulateArguments(seed, Path.of("DIR")));
  }

  private static void moveInto(Path from, Path to) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      entries.forEach(files::add);
    }
    // labels last: a world counts as complete once both files are there
    files.sort((a, b) -> Boolean.compare(a.getFileName().toString().equals(LABELS), b.getFileName().toString().equals(LABELS)));
    for (Path file : files) {
      Files.move(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // a leftover side directory is harmless: it never looks like a world
    }
  }
}
