package org.targetwatch.runtime.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar targetwatch.jar ARGS} as an operating-system process, its output (stdout and
 * stderr) in a log file: what the fault tests start, kill with SIGKILL and stop with SIGTERM.
 */
final class TargetwatchProcess implements AutoCloseable {
  /** The shaded jar, built in {@code package} before failsafe runs the fault tests. */
  static final Path JAR = Path.of(System.getProperty("targetwatch.jar", "target/targetwatch.jar"));

  private final String name;
  private final Path log;
  private final Process process;

  private TargetwatchProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code targetwatch ARGS}, appending its output to {@code log}. */
  static TargetwatchProcess start(String name, Path log, String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException("no jar at " + JAR.toAbsolutePath() + ": the fault tests run after 'package'");
    }
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    try {
      Files.writeString(log, "=== " + name + ": " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new TargetwatchProcess(name, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The first group of the first log line matching {@code regex} seen within {@code timeout}. */
  String awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long giveUpAt = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < giveUpAt) {
      Optional<String> found = firstMatch(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before printing /" + regex + "/; see " + log);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not print /" + regex + "/ within " + timeout + "; see " + log);
  }

  /** How many log lines match {@code regex} so far. */
  long countLines(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return lines().stream().filter(line -> pattern.matcher(line).find()).count();
  }

  private Optional<String> firstMatch(Pattern pattern) {
    for (String line : lines()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
      }
    }
    return Optional.empty();
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no commit, no leaving the group. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM; see " + log);
    }
    return process.exitValue();
  }

  /** Waits for the process to exit by itself; returns the exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not finish within " + timeout + "; see " + log);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
