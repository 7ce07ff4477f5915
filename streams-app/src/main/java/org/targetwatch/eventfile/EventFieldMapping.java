package org.targetwatch.eventfile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Verdict;

/**
 * The one place where the input records of an event file ({@code contract/event-files.md}) meet
 * their Avro records: {@link Profile}, {@link FriendRequestEvent}, {@link MessageEvent}, {@link
 * SafetyReport} and {@link ReviewVerdict}. JSON
 * field names are the Avro field names; {@code type} selects the record; age bands are written
 * {@code 13_15} and {@code 16_17} in files where Avro has {@code AGE_13_15} and {@code AGE_16_17};
 * timestamps are read as ISO-8601 UTC instants or epoch milliseconds and written as ISO-8601.
 * Unknown fields are ignored.
 */
public final class EventFieldMapping {

  public static final String TYPE_FIELD = "type";
  public static final String PROFILE_TYPE = "profile";
  public static final String FRIEND_REQUEST_TYPE = "friend_request";
  public static final String MESSAGE_TYPE = "message";
  public static final String SAFETY_REPORT_TYPE = "safety_report";
  public static final String REVIEW_VERDICT_TYPE = "review_verdict";

  private static final String EVENT_TYPES = "profile, friend_request, message, safety_report or review_verdict";
  private static final String AGE_BANDS = "UNDER_13, 13_15, 16_17, ADULT or UNKNOWN";

  private EventFieldMapping() {}

  /**
   * The event one line of an event file holds.
   *
   * @param line the parsed line
   * @return a {@link Profile}, {@link FriendRequestEvent}, {@link MessageEvent}, {@link SafetyReport}
   *     or {@link ReviewVerdict}
   * @throws EventFormatException with the reason when the line does not follow the contract
   */
  public static SpecificRecord eventFromJson(JsonNode line) throws EventFormatException {
    String type = recordType(line);
    switch (type) {
      case PROFILE_TYPE:
        return profileFromJson(new JsonFields(PROFILE_TYPE, line));
      case FRIEND_REQUEST_TYPE:
        return friendRequestFromJson(new JsonFields(FRIEND_REQUEST_TYPE, line));
      case MESSAGE_TYPE:
        return messageFromJson(new JsonFields(MESSAGE_TYPE, line));
      case SAFETY_REPORT_TYPE:
        return safetyReportFromJson(new JsonFields(SAFETY_REPORT_TYPE, line));
      case REVIEW_VERDICT_TYPE:
        return reviewVerdictFromJson(new JsonFields(REVIEW_VERDICT_TYPE, line));
      default:
        throw new EventFormatException(
            "unknown type " + JsonFields.quote(type) + " (expected " + EVENT_TYPES + ")");
    }
  }

  /**
   * Writes the event as one JSON object, {@code type} first, then the fields in schema order;
   * optional fields that are null are left out.
   *
   * @throws IllegalArgumentException when the record is not an event or lacks a required field
   */
  public static void writeEvent(SpecificRecord event, JsonGenerator out) throws IOException {
    if (event instanceof Profile) {
      writeProfile((Profile) event, out);
    } else if (event instanceof FriendRequestEvent) {
      writeFriendRequest((FriendRequestEvent) event, out);
    } else if (event instanceof MessageEvent) {
      writeMessage((MessageEvent) event, out);
    } else if (event instanceof SafetyReport report) {
      writeSafetyReport(report, out);
    } else if (event instanceof ReviewVerdict verdict) {
      writeReviewVerdict(verdict, out);
    } else {
      throw new IllegalArgumentException("not an event record: " + describe(event));
    }
  }

  /** The {@code type} value of an event record: {@code profile}, {@code friend_request} or {@code message}. */
  public static String typeOf(SpecificRecord event) {
    if (event instanceof Profile) {
      return PROFILE_TYPE;
    }
    if (event instanceof FriendRequestEvent) {
      return FRIEND_REQUEST_TYPE;
    }
    if (event instanceof MessageEvent) {
      return MESSAGE_TYPE;
    }
    if (event instanceof SafetyReport) {
      return SAFETY_REPORT_TYPE;
    }
    if (event instanceof ReviewVerdict) {
      return REVIEW_VERDICT_TYPE;
    }
    throw new IllegalArgumentException("not an event record: " + describe(event));
  }

  /** The event time the contract gives each record: {@code occurredAt}, or {@code updatedAt} for a profile. */
  public static Instant eventTime(SpecificRecord event) {
    if (event instanceof Profile) {
      return ((Profile) event).getUpdatedAt();
    }
    if (event instanceof FriendRequestEvent) {
      return ((FriendRequestEvent) event).getOccurredAt();
    }
    if (event instanceof MessageEvent) {
      return ((MessageEvent) event).getOccurredAt();
    }
    if (event instanceof SafetyReport report) {
      return report.getOccurredAt();
    }
    if (event instanceof ReviewVerdict verdict) {
      return verdict.getOccurredAt();
    }
    throw new IllegalArgumentException("not an event record: " + describe(event));
  }

  /** The file spelling of an age band: {@code UNDER_13}, {@code 13_15}, {@code 16_17}, {@code ADULT}, {@code UNKNOWN}. */
  public static String ageBandToJson(AgeBand band) {
    switch (band) {
      case AGE_13_15:
        return "13_15";
      case AGE_16_17:
        return "16_17";
      default:
        return band.name();
    }
  }

  /** The age band a file spelling stands for, or null when it is not one of the contract's five. */
  public static AgeBand ageBandFromJson(String symbol) {
    switch (symbol) {
      case "UNDER_13":
        return AgeBand.UNDER_13;
      case "13_15":
        return AgeBand.AGE_13_15;
      case "16_17":
        return AgeBand.AGE_16_17;
      case "ADULT":
        return AgeBand.ADULT;
      case "UNKNOWN":
        return AgeBand.UNKNOWN;
      default:
        return null;
    }
  }

  /** The {@code type} of a line, checked to be present and a string. */
  static String recordType(JsonNode line) throws EventFormatException {
    if (!line.isObject()) {
      throw new EventFormatException("not a JSON object but " + JsonFields.describe(line));
    }
    JsonNode type = line.get(TYPE_FIELD);
    if (type == null || type.isNull()) {
      throw new EventFormatException("missing required field 'type'");
    }
    if (!type.isTextual()) {
      throw new EventFormatException("field 'type' must be a string, was " + JsonFields.describe(type));
    }
    return type.textValue();
  }

  static AgeBand requiredAgeBand(JsonFields fields, String name) throws EventFormatException {
    return fields.requiredSymbol(name, EventFieldMapping::ageBandFromJson, AGE_BANDS);
  }

  static AgeBand ageBandOr(JsonFields fields, String name, AgeBand defaultValue) throws EventFormatException {
    return fields.symbolOr(name, EventFieldMapping::ageBandFromJson, AGE_BANDS, defaultValue);
  }

  /** Writes a timestamp the way files carry it: ISO-8601 in UTC ({@link Instant#toString()}). */
  static void writeTimestamp(JsonGenerator out, String name, Instant value) throws IOException {
    out.writeStringField(name, value.toString());
  }

  /** Fails with the record kind and field name when a required field of a record to write is null. */
  static <T> T required(T value, String kind, String name) {
    if (value == null) {
      throw new IllegalArgumentException(kind + ": required field '" + name + "' is null");
    }
    return value;
  }

  private static Profile profileFromJson(JsonFields fields) throws EventFormatException {
    return new Profile(
        fields.requiredString("accountId"),
        fields.requiredTimestamp("updatedAt"),
        fields.optionalTimestamp("createdAt"),
        requiredAgeBand(fields, "ageBand"),
        fields.booleanOr("deleted", false));
  }

  private static FriendRequestEvent friendRequestFromJson(JsonFields fields) throws EventFormatException {
    return new FriendRequestEvent(
        fields.requiredString("eventId"),
        fields.requiredTimestamp("occurredAt"),
        fields.requiredString("senderId"),
        fields.requiredString("recipientId"),
        fields.requiredEnum("action", FriendRequestAction.class));
  }

  private static MessageEvent messageFromJson(JsonFields fields) throws EventFormatException {
    return new MessageEvent(
        fields.requiredString("eventId"),
        fields.requiredTimestamp("occurredAt"),
        fields.requiredString("senderId"),
        fields.requiredString("recipientId"),
        fields.optionalString("conversationId"),
        fields.booleanOr("hasMedia", false));
  }

  private static SafetyReport safetyReportFromJson(JsonFields fields) throws EventFormatException {
    return new SafetyReport(
        fields.requiredString("eventId"),
        fields.requiredTimestamp("occurredAt"),
        fields.requiredString("reporterId"),
        fields.requiredString("reportedId"),
        fields.requiredEnum("action", SafetyAction.class),
        fields.optionalEnum("category", ReportCategory.class));
  }

  private static ReviewVerdict reviewVerdictFromJson(JsonFields fields) throws EventFormatException {
    return new ReviewVerdict(
        fields.requiredString("eventId"),
        fields.requiredTimestamp("occurredAt"),
        fields.requiredString("accountId"),
        fields.requiredEnum("verdict", Verdict.class),
        fields.optionalString("alertId"),
        fields.optionalString("reviewerId"));
  }

  private static void writeSafetyReport(SafetyReport report, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField(TYPE_FIELD, SAFETY_REPORT_TYPE);
    out.writeStringField("eventId", required(report.getEventId(), SAFETY_REPORT_TYPE, "eventId"));
    writeTimestamp(out, "occurredAt", required(report.getOccurredAt(), SAFETY_REPORT_TYPE, "occurredAt"));
    out.writeStringField("reporterId", required(report.getReporterId(), SAFETY_REPORT_TYPE, "reporterId"));
    out.writeStringField("reportedId", required(report.getReportedId(), SAFETY_REPORT_TYPE, "reportedId"));
    out.writeStringField("action", required(report.getAction(), SAFETY_REPORT_TYPE, "action").name());
    if (report.getCategory() != null) {
      out.writeStringField("category", report.getCategory().name());
    }
    out.writeEndObject();
  }

  private static void writeReviewVerdict(ReviewVerdict verdict, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField(TYPE_FIELD, REVIEW_VERDICT_TYPE);
    out.writeStringField("eventId", required(verdict.getEventId(), REVIEW_VERDICT_TYPE, "eventId"));
    writeTimestamp(out, "occurredAt", required(verdict.getOccurredAt(), REVIEW_VERDICT_TYPE, "occurredAt"));
    out.writeStringField("accountId", required(verdict.getAccountId(), REVIEW_VERDICT_TYPE, "accountId"));
    out.writeStringField("verdict", required(verdict.getVerdict(), REVIEW_VERDICT_TYPE, "verdict").name());
    if (verdict.getAlertId() != null) {
      out.writeStringField("alertId", verdict.getAlertId());
    }
    if (verdict.getReviewerId() != null) {
      out.writeStringField("reviewerId", verdict.getReviewerId());
    }
    out.writeEndObject();
  }

  private static void writeProfile(Profile profile, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField(TYPE_FIELD, PROFILE_TYPE);
    out.writeStringField("accountId", required(profile.getAccountId(), PROFILE_TYPE, "accountId"));
    writeTimestamp(out, "updatedAt", required(profile.getUpdatedAt(), PROFILE_TYPE, "updatedAt"));
    if (profile.getCreatedAt() != null) {
      writeTimestamp(out, "createdAt", profile.getCreatedAt());
    }
    out.writeStringField("ageBand", ageBandToJson(required(profile.getAgeBand(), PROFILE_TYPE, "ageBand")));
    out.writeBooleanField("deleted", profile.getDeleted());
    out.writeEndObject();
  }

  private static void writeFriendRequest(FriendRequestEvent request, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField(TYPE_FIELD, FRIEND_REQUEST_TYPE);
    out.writeStringField("eventId", required(request.getEventId(), FRIEND_REQUEST_TYPE, "eventId"));
    writeTimestamp(out, "occurredAt", required(request.getOccurredAt(), FRIEND_REQUEST_TYPE, "occurredAt"));
    out.writeStringField("senderId", required(request.getSenderId(), FRIEND_REQUEST_TYPE, "senderId"));
    out.writeStringField("recipientId", required(request.getRecipientId(), FRIEND_REQUEST_TYPE, "recipientId"));
    out.writeStringField("action", required(request.getAction(), FRIEND_REQUEST_TYPE, "action").name());
    out.writeEndObject();
  }

  private static void writeMessage(MessageEvent message, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField(TYPE_FIELD, MESSAGE_TYPE);
    out.writeStringField("eventId", required(message.getEventId(), MESSAGE_TYPE, "eventId"));
    writeTimestamp(out, "occurredAt", required(message.getOccurredAt(), MESSAGE_TYPE, "occurredAt"));
    out.writeStringField("senderId", required(message.getSenderId(), MESSAGE_TYPE, "senderId"));
    out.writeStringField("recipientId", required(message.getRecipientId(), MESSAGE_TYPE, "recipientId"));
    if (message.getConversationId() != null) {
      out.writeStringField("conversationId", message.getConversationId());
    }
    out.writeBooleanField("hasMedia", message.getHasMedia());
    out.writeEndObject();
  }

  private static String describe(SpecificRecord record) {
    return record == null ? "null" : record.getClass().getName();
  }
}
