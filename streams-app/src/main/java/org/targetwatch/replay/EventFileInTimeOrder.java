package org.targetwatch.replay;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.eventfile.BadLineListener;
import org.targetwatch.eventfile.EventFileSections;
import org.targetwatch.eventfile.ReadCounts;

/**
 * The events of an event file in event-time order (equal times in file order), read as
 * {@code replay} reads them (in sections on every core, bad lines reported and skipped): what
 * {@code produce --input} sends, so that the topics hold what {@code replay} would process.
 */
public final class EventFileInTimeOrder {
  private final TimeOrderedEvents events;
  private final ReadCounts counts;

  private EventFileInTimeOrder(TimeOrderedEvents events, ReadCounts counts) {
    this.events = events;
    this.counts = counts;
  }

  /** Reads and orders {@code file}; each bad line goes to {@code listener}. */
  public static EventFileInTimeOrder read(Path file, BadLineListener listener) throws IOException {
    EventFileSections.Read<TimeOrderedEvents> read = EventFileSections.readAll(file, listener, TimeOrderedEvents::new,
        Runtime.getRuntime().availableProcessors(), EventFileSections.MIN_SECTION_BYTES);
    TimeOrderedEvents events = TimeOrderedEvents.joined(read.sinks());
    events.sort();
    return new EventFileInTimeOrder(events, read.counts());
  }

  public int size() {
    return events.size();
  }

  /** The {@code rank}-th event in event-time order (0 is the earliest). */
  public SpecificRecord eventAt(int rank) {
    return events.eventAt(rank);
  }

  /** Lines, events, bad and blank lines of the file. */
  public ReadCounts counts() {
    return counts;
  }
}
