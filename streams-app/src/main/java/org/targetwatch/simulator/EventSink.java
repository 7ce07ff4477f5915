package org.targetwatch.simulator;

import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * Where the simulator writes its events: a JSON Lines writer, Kafka producers, or a test
 * collector. Calls come from one thread, in the simulator's deterministic emission order.
 */
public interface EventSink {

  void profile(Profile p);

  void friendRequest(FriendRequestEvent e);

  void message(MessageEvent e);
}
