package org.targetwatch.eventfile;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/** The {@code type} of a line and the Avro class it maps to. */
public enum RecordType {
  PROFILE("profile", Profile.class),
  FRIEND_REQUEST("friend_request", FriendRequestEvent.class),
  MESSAGE("message", MessageEvent.class),
  ALERT("alert", Alert.class);

  private static final Map<String, RecordType> BY_NAME = Map.of(
      PROFILE.jsonName, PROFILE, FRIEND_REQUEST.jsonName, FRIEND_REQUEST, MESSAGE.jsonName, MESSAGE,
      ALERT.jsonName, ALERT);

  private final String jsonName;
  private final Class<? extends SpecificRecord> avroClass;

  RecordType(String jsonName, Class<? extends SpecificRecord> avroClass) {
    this.jsonName = jsonName;
    this.avroClass = avroClass;
  }

  public String jsonName() {
    return jsonName;
  }

  public Class<? extends SpecificRecord> avroClass() {
    return avroClass;
  }

  /** The type named in a line, or null when the name is unknown. */
  public static RecordType named(String name) {
    return BY_NAME.get(name);
  }

  public static RecordType of(SpecificRecord record) {
    for (RecordType type : values()) {
      if (type.avroClass.isInstance(record)) {
        return type;
      }
    }
    throw new IllegalArgumentException("no event-file type for " + record.getClass().getSimpleName());
  }
}
