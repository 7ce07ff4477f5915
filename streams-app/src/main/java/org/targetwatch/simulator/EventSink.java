package org.targetwatch.simulator;

import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;

/**
 * Where the simulator writes its events: a JSON Lines writer, Kafka producers, or a test
 * collector. Calls come from one thread, in the simulator's deterministic emission order.
 */
public interface EventSink {

  void profile(Profile p);

  void friendRequest(FriendRequestEvent e);

  void message(MessageEvent e);

  /** A block, unblock or report; only simulations with the safety loop switched on write them. */
  default void safetyReport(SafetyReport r) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take safety reports");
  }

  /** A reviewer's verdict; only simulations with the safety loop switched on write them. */
  default void reviewVerdict(ReviewVerdict v) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take review verdicts");
  }
}
