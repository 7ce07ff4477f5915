package org.targetwatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, heard by the command itself instead of starting
 * the JVM's shutdown: the command then closes what it runs, in its own thread, and returns its exit
 * code (0 for a clean stop; the JVM's own handling would end the process with 143 or 130 whatever
 * the close did). The handlers are the JDK's {@code sun.misc.Signal}, as Kafka's own scripts use.
 */
final class StopSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private volatile String name;

  private StopSignal() {}

  /** Starts listening for SIGTERM and SIGINT. */
  static StopSignal listen() {
    StopSignal stop = new StopSignal();
    for (String signal : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(signal), s -> {
        stop.name = "SIG" + s.getName();
        stop.requested.countDown();
      });
    }
    return stop;
  }

  /** Blocks until a stop is requested. */
  void await() throws InterruptedException {
    requested.await();
  }

  /** Waits up to {@code millis}; true if a stop was requested. */
  boolean await(long millis) throws InterruptedException {
    return requested.await(millis, TimeUnit.MILLISECONDS);
  }

  /** The signal that asked, e.g. {@code SIGTERM}, or null. */
  String name() {
    return name;
  }
}
