package org.targetwatch.eventfile;

import static org.targetwatch.eventfile.EventFieldMapping.required;
import static org.targetwatch.eventfile.EventFieldMapping.writeTimestamp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;

/**
 * The one place where an alert line of an alert file ({@code contract/event-files.md}, "Output
 * records") meets the Avro {@link Alert}, with its {@link Reason}s and {@link Evidence}. Field
 * names are the Avro field names. Written: every evidence field, except {@code
 * senderAccountAgeDays} when unknown; {@code campaignId} only when present. Read: evidence fields
 * that are absent take the schema's defaults, so files written before a field was added still read.
 */
public final class AlertFieldMapping {

  public static final String ALERT_TYPE = "alert";

  private AlertFieldMapping() {}

  /**
   * The alert one line of an alert file holds.
   *
   * @throws EventFormatException with the reason when the line is not an alert of the contract
   */
  public static Alert alertFromJson(JsonNode line) throws EventFormatException {
    String type = EventFieldMapping.recordType(line);
    if (!ALERT_TYPE.equals(type)) {
      throw new EventFormatException("unknown type " + JsonFields.quote(type) + " (expected alert)");
    }
    JsonFields fields = new JsonFields(ALERT_TYPE, line);
    return new Alert(
        fields.requiredString("alertId"),
        fields.requiredString("accountId"),
        fields.requiredTimestamp("detectedAt"),
        fields.requiredTimestamp("windowStart"),
        fields.requiredTimestamp("windowEnd"),
        fields.requiredDouble("score"),
        fields.requiredEnum("severity", Severity.class),
        reasonsFromJson(fields.requiredObjectList("reasons")),
        evidenceFromJson(fields.requiredObject("evidence")),
        fields.optionalString("campaignId"));
  }

  /**
   * Writes the alert as one JSON object, {@code type} first, then the fields in schema order.
   *
   * @throws IllegalArgumentException when a required field is null or a number is not finite
   *     (JSON has no NaN, and a reader could not read the line back)
   */
  public static void writeAlert(Alert alert, JsonGenerator out) throws IOException {
    String kind = ALERT_TYPE + " " + alert.getAlertId();
    out.writeStartObject();
    out.writeStringField(EventFieldMapping.TYPE_FIELD, ALERT_TYPE);
    out.writeStringField("alertId", required(alert.getAlertId(), ALERT_TYPE, "alertId"));
    out.writeStringField("accountId", required(alert.getAccountId(), kind, "accountId"));
    writeTimestamp(out, "detectedAt", required(alert.getDetectedAt(), kind, "detectedAt"));
    writeTimestamp(out, "windowStart", required(alert.getWindowStart(), kind, "windowStart"));
    writeTimestamp(out, "windowEnd", required(alert.getWindowEnd(), kind, "windowEnd"));
    writeFinite(out, "score", alert.getScore(), kind);
    out.writeStringField("severity", required(alert.getSeverity(), kind, "severity").name());
    out.writeArrayFieldStart("reasons");
    for (Reason reason : required(alert.getReasons(), kind, "reasons")) {
      writeReason(reason, out, kind);
    }
    out.writeEndArray();
    out.writeFieldName("evidence");
    writeEvidence(required(alert.getEvidence(), kind, "evidence"), out, kind + ": evidence");
    if (alert.getCampaignId() != null) {
      out.writeStringField("campaignId", alert.getCampaignId());
    }
    out.writeEndObject();
  }

  private static List<Reason> reasonsFromJson(List<JsonFields> reasons) throws EventFormatException {
    List<Reason> result = new ArrayList<>(reasons.size());
    for (JsonFields reason : reasons) {
      result.add(new Reason(
          reason.requiredString("signal"),
          reason.requiredDouble("value"),
          reason.requiredDouble("threshold"),
          reason.doubleOr("contribution", 0.0)));
    }
    return result;
  }

  /** Absent fields take the schema defaults (a test checks these literals against the schema). */
  private static Evidence evidenceFromJson(JsonFields fields) throws EventFormatException {
    return new Evidence(
        stringOr(fields, "window", ""),
        fields.intOr("distinctTargets", 0),
        fields.intOr("distinctMinors", 0),
        fields.doubleOr("minorShare", 0.0),
        fields.doubleOr("populationMinorShare", 0.0),
        fields.doubleOr("friendsMinorShare", 0.0),
        fields.doubleOr("medianMinorTargetDegree", 0.0),
        fields.doubleOr("populationMinorDegreeP75", 0.0),
        fields.doubleOr("highDegreeShare", 0.0),
        fields.doubleOr("meanDegreePercentile", 0.0),
        fields.doubleOr("strangerShare", 0.0),
        fields.intOr("requestsSent", 0),
        fields.intOr("messagesSent", 0),
        fields.intOr("accepted", 0),
        fields.intOr("declined", 0),
        fields.intOr("removed", 0),
        fields.intOr("escalations", 0),
        fields.optionalDouble("senderAccountAgeDays"),
        fields.intOr("senderDegree", 0),
        EventFieldMapping.ageBandOr(fields, "senderAgeBand", AgeBand.UNKNOWN),
        fields.stringListOr("sampleTargetIds"),
        fields.booleanOr("targetsCapped", false),
        fields.intOr("targetCap", 0),
        fields.intOr("campaignSize", 0),
        fields.stringListOr("campaignSharedTargets"),
        fields.intOr("protectingMinors", 0),
        fields.intOr("blockingMinors", 0),
        fields.intOr("reportingMinors", 0),
        fields.intOr("sexualHarmReports", 0),
        fields.intOr("otherReporters", 0),
        fields.optionalString("reviewVerdict"),
        fields.optionalString("reviewedAlertId"),
        fields.stringListOr("confirmedLinks"),
        fields.intOr("ownDistinctMinors", 0));
  }

  private static String stringOr(JsonFields fields, String name, String defaultValue) throws EventFormatException {
    String value = fields.optionalString(name);
    return value == null ? defaultValue : value;
  }

  private static void writeReason(Reason reason, JsonGenerator out, String kind) throws IOException {
    String reasonKind = kind + ": reason";
    out.writeStartObject();
    out.writeStringField("signal", required(reason.getSignal(), reasonKind, "signal"));
    writeFinite(out, "value", reason.getValue(), reasonKind + " " + reason.getSignal());
    writeFinite(out, "threshold", reason.getThreshold(), reasonKind + " " + reason.getSignal());
    writeFinite(out, "contribution", reason.getContribution(), reasonKind + " " + reason.getSignal());
    out.writeEndObject();
  }

  private static void writeEvidence(Evidence evidence, JsonGenerator out, String kind) throws IOException {
    out.writeStartObject();
    out.writeStringField("window", required(evidence.getWindow(), kind, "window"));
    out.writeNumberField("distinctTargets", evidence.getDistinctTargets());
    out.writeNumberField("distinctMinors", evidence.getDistinctMinors());
    writeFinite(out, "minorShare", evidence.getMinorShare(), kind);
    writeFinite(out, "populationMinorShare", evidence.getPopulationMinorShare(), kind);
    writeFinite(out, "friendsMinorShare", evidence.getFriendsMinorShare(), kind);
    writeFinite(out, "medianMinorTargetDegree", evidence.getMedianMinorTargetDegree(), kind);
    writeFinite(out, "populationMinorDegreeP75", evidence.getPopulationMinorDegreeP75(), kind);
    writeFinite(out, "highDegreeShare", evidence.getHighDegreeShare(), kind);
    writeFinite(out, "meanDegreePercentile", evidence.getMeanDegreePercentile(), kind);
    writeFinite(out, "strangerShare", evidence.getStrangerShare(), kind);
    out.writeNumberField("requestsSent", evidence.getRequestsSent());
    out.writeNumberField("messagesSent", evidence.getMessagesSent());
    out.writeNumberField("accepted", evidence.getAccepted());
    out.writeNumberField("declined", evidence.getDeclined());
    out.writeNumberField("removed", evidence.getRemoved());
    out.writeNumberField("escalations", evidence.getEscalations());
    if (evidence.getSenderAccountAgeDays() != null) {
      writeFinite(out, "senderAccountAgeDays", evidence.getSenderAccountAgeDays(), kind);
    }
    out.writeNumberField("senderDegree", evidence.getSenderDegree());
    out.writeStringField("senderAgeBand",
        EventFieldMapping.ageBandToJson(required(evidence.getSenderAgeBand(), kind, "senderAgeBand")));
    writeStrings(out, "sampleTargetIds", required(evidence.getSampleTargetIds(), kind, "sampleTargetIds"));
    out.writeBooleanField("targetsCapped", evidence.getTargetsCapped());
    out.writeNumberField("targetCap", evidence.getTargetCap());
    out.writeNumberField("campaignSize", evidence.getCampaignSize());
    writeStrings(out, "campaignSharedTargets",
        required(evidence.getCampaignSharedTargets(), kind, "campaignSharedTargets"));
    writeSafetyLoop(evidence, out, kind);
    out.writeEndObject();
  }

  /**
   * The figures of reports, blocks and verdicts (issue 17), written only when they say something,
   * so that an account nobody reported or reviewed has the same line as before them.
   */
  private static void writeSafetyLoop(Evidence evidence, JsonGenerator out, String kind) throws IOException {
    writeCountIfAny(out, "protectingMinors", evidence.getProtectingMinors());
    writeCountIfAny(out, "blockingMinors", evidence.getBlockingMinors());
    writeCountIfAny(out, "reportingMinors", evidence.getReportingMinors());
    writeCountIfAny(out, "sexualHarmReports", evidence.getSexualHarmReports());
    writeCountIfAny(out, "otherReporters", evidence.getOtherReporters());
    if (evidence.getReviewVerdict() != null) {
      out.writeStringField("reviewVerdict", evidence.getReviewVerdict());
    }
    if (evidence.getReviewedAlertId() != null) {
      out.writeStringField("reviewedAlertId", evidence.getReviewedAlertId());
    }
    List<String> links = required(evidence.getConfirmedLinks(), kind, "confirmedLinks");
    if (!links.isEmpty()) {
      writeStrings(out, "confirmedLinks", links);
    }
    writeCountIfAny(out, "ownDistinctMinors", evidence.getOwnDistinctMinors());
  }

  private static void writeCountIfAny(JsonGenerator out, String name, int count) throws IOException {
    if (count != 0) {
      out.writeNumberField(name, count);
    }
  }

  private static void writeStrings(JsonGenerator out, String name, List<String> values) throws IOException {
    out.writeArrayFieldStart(name);
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  private static void writeFinite(JsonGenerator out, String name, double value, String kind) throws IOException {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(kind + ": field '" + name + "' is " + value + "; an alert file needs finite numbers");
    }
    out.writeNumberField(name, value);
  }
}
