package org.targetwatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;

/** The simulator's events written as an event file (the JSON Lines contract), in emission order. */
public final class EventFileSink implements EventSink {
  private final EventFileWriter writer;

  public EventFileSink(EventFileWriter writer) {
    this.writer = writer;
  }

  @Override
  public void profile(Profile p) {
    write(p);
  }

  @Override
  public void friendRequest(FriendRequestEvent e) {
    write(e);
  }

  @Override
  public void message(MessageEvent e) {
    write(e);
  }

  @Override
  public void safetyReport(SafetyReport r) {
    write(r);
  }

  @Override
  public void reviewVerdict(ReviewVerdict v) {
    write(v);
  }

  private void write(SpecificRecord event) {
    try {
      writer.write(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
