package org.targetwatch.topology;

import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;

/**
 * Which input topic each kind of event goes to and by which key, in one place: the account that
 * owns it (README, "Data in and out"). Producers that key like this and partition like Kafka's
 * default partitioner spare the detector a round trip through {@code account-events}.
 */
public final class InputEvents {
  private InputEvents() {}

  /** The topic of the event's kind under this configuration. */
  public static String topicOf(DetectorConfig config, SpecificRecord event) {
    if (event instanceof Profile) {
      return config.profilesTopic();
    } else if (event instanceof FriendRequestEvent) {
      return config.friendRequestsTopic();
    } else if (event instanceof MessageEvent) {
      return config.messagesTopic();
    } else if (event instanceof SafetyReport) {
      return config.safety().reportsTopic();
    } else if (event instanceof ReviewVerdict) {
      return config.safety().verdictsTopic();
    }
    throw new IllegalArgumentException("not an input event: " + (event == null ? "null" : event.getClass().getName()));
  }

  /**
   * The key: a profile's account, a request's or message's sender, the account a block or report is
   * against, the account a verdict is about.
   */
  public static String keyOf(SpecificRecord event) {
    if (event instanceof Profile p) {
      return p.getAccountId();
    } else if (event instanceof FriendRequestEvent f) {
      return f.getSenderId();
    } else if (event instanceof MessageEvent m) {
      return m.getSenderId();
    } else if (event instanceof SafetyReport r) {
      return r.getReportedId();
    } else if (event instanceof ReviewVerdict v) {
      return v.getAccountId();
    }
    throw new IllegalArgumentException("not an input event: " + (event == null ? "null" : event.getClass().getName()));
  }
}
