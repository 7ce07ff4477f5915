package org.targetwatch.topology;

import org.apache.kafka.common.serialization.Serde;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/** The value serdes of the user topics (keys are account ids as UTF-8 strings). */
public record EventSerdes(
    Serde<Profile> profile,
    Serde<FriendRequestEvent> friendRequest,
    Serde<MessageEvent> message,
    Serde<Alert> alert) {}
