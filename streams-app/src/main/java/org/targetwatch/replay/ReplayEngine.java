package org.targetwatch.replay;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.Alert;

/** Runs source events through the detector, one at a time in the order given, and hands out its alerts. */
interface ReplayEngine extends AutoCloseable {
  /** Runs {@code event}, and every record it causes downstream, to completion. */
  void process(SpecificRecord event);

  /** The input is over: runs what is still on its way between stages (only a delayed engine holds any). */
  default void finishInput() {}

  /** The alerts raised since the last call, in the order they were raised. */
  List<Alert> takeAlerts();

  /** The state built so far. */
  StateSize stateSize();

  @Override
  void close();
}
