package org.targetwatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.schema.internal.CampaignMembership;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.MessageReceived;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.PeerFriendshipChanged;
import org.targetwatch.schema.internal.RequestAnswered;
import org.targetwatch.schema.internal.TargetEntry;

/**
 * The schema evolution rule (schemas/README.md): every current schema must read data written with
 * every released version of it (BACKWARD compatibility), because topics and replays hold records
 * written by earlier versions, and because producers upgrade after the detector.
 */
class SchemaCompatibilityTest {

  private static final Path INCOMPATIBLE_FIXTURES = Path.of("src", "test", "resources", "incompatible-fixture");
  private static final Path MAIN_AVRO = Path.of("src", "main", "avro");

  @Test
  void everyCurrentSchemaReadsDataWrittenWithEveryReleasedVersion() throws IOException {
    Map<String, Schema> current = ContractSchemas.current();
    List<String> problems = new ArrayList<>();

    for (Path versionDirectory : releasedVersions()) {
      String version = versionDirectory.getFileName().toString();
      for (Path snapshot : schemaFiles(versionDirectory)) {
        String name = snapshot.getFileName().toString().replace(".avsc", "");
        Schema released = parse(snapshot);
        Schema now = current.get(released.getName());
        if (now == null) {
          problems.add(name + " " + version + ": no current schema of that name; a record type that was released cannot be removed");
          continue;
        }
        backwardIncompatibility(name, version, now, released).ifPresent(problems::add);
      }
    }

    assertThat(problems).as("BACKWARD compatibility with the released schemas").isEmpty();
  }

  @Test
  void theFirstReleasedVersionHoldsEveryRecordTypeOfTheTopics() throws IOException {
    assertThat(schemaFiles(ContractSchemas.SCHEMA_HISTORY.resolve("v1")))
        .extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrder("Profile.avsc", "FriendRequestEvent.avsc", "MessageEvent.avsc", "Alert.avsc");
  }

  @Test
  void everyRecordTypeOfTheTopicsIsReleasedOrNamedAsNewInThisVersion() throws IOException {
    List<String> released = new ArrayList<>();
    for (Path versionDirectory : releasedVersions()) {
      for (Path snapshot : schemaFiles(versionDirectory)) {
        released.add(snapshot.getFileName().toString().replace(".avsc", ""));
      }
    }

    assertThat(ContractSchemas.current().keySet())
        .as("a record type of the topics is either in a released version or listed in ContractSchemas.NOT_YET_RELEASED")
        .allMatch(name -> released.contains(name) || ContractSchemas.NOT_YET_RELEASED.contains(name));
    assertThat(released).as("a released type cannot be listed as new").doesNotContainAnyElementsOf(ContractSchemas.NOT_YET_RELEASED);
  }

  @Test
  void theNewKindsCanGrowCompatiblyOnceReleased() {
    // what their first release promises: an optional field added later reads them, a required one does not
    for (Schema schema : List.of(SafetyReport.getClassSchema(), ReviewVerdict.getClassSchema())) {
      String json = schema.toString();
      Schema withOptional = new Schema.Parser().parse(json.replace("\"fields\":[",
          "\"fields\":[{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"},"));
      Schema withRequired = new Schema.Parser().parse(json.replace("\"fields\":[",
          "\"fields\":[{\"name\":\"channel\",\"type\":\"string\",\"doc\":\"x\"},"));

      assertThat(backwardIncompatibility(schema.getName(), "next", withOptional, schema)).isEmpty();
      assertThat(backwardIncompatibility(schema.getName(), "next", withRequired, schema))
          .hasValueSatisfying(message -> assertThat(message).contains("field 'channel'"));
    }
  }

  @Test
  void anAlertOfTheReleasedVersionIsReadWithTheSafetyLoopFiguresAtTheirDefaults() throws IOException {
    Schema released = parse(ContractSchemas.SCHEMA_HISTORY.resolve("v1").resolve("Alert.avsc"));
    Schema evidence = Alert.getClassSchema().getField("evidence").schema();

    assertThat(backwardIncompatibility("Alert", "v1", Alert.getClassSchema(), released)).isEmpty();
    for (String field : List.of("protectingMinors", "blockingMinors", "reportingMinors", "sexualHarmReports",
        "otherReporters", "reviewVerdict", "reviewedAlertId", "confirmedLinks")) {
      assertThat(evidence.getField(field)).as(field).isNotNull();
      assertThat(evidence.getField(field).hasDefaultValue()).as(field + " has a default").isTrue();
    }
  }

  @Test
  void theCurrentAccountMessageReadsWhatItsEarlierInternalFormatsWrote() throws IOException {
    // internal records carry no schema id, only a format byte: the serde keeps the schema each
    // earlier format byte was written with (internal-history/) and resolves it to the current one
    try (var history = SchemaCompatibilityTest.class.getResourceAsStream("/internal-history/AccountMessage-1.avsc")) {
      assertThat(history).as("the schema AccountMessage's format 1 was written with").isNotNull();
      Schema formatOne = new Schema.Parser().parse(history);

      assertThat(backwardIncompatibility("AccountMessage", "format 1", AccountMessage.getClassSchema(), formatOne))
          .isEmpty();
      assertThat(formatOne.getField("sequence")).as("format 1 had no sequence number").isNull();
      assertThat(AccountMessage.getClassSchema().getField("sequence").defaultVal()).isEqualTo(-1L);
    }
  }

  @Test
  void aRequiredFieldAddedWithoutADefaultIsReportedWithTheFieldName() throws IOException {
    Schema proposed = parse(INCOMPATIBLE_FIXTURES.resolve("MessageEvent.avsc"));
    Schema released = parse(ContractSchemas.SCHEMA_HISTORY.resolve("v1").resolve("MessageEvent.avsc"));

    Optional<String> problem = backwardIncompatibility("MessageEvent", "v1", proposed, released);

    assertThat(problem).hasValueSatisfying(message -> assertThat(message)
        .startsWith("MessageEvent cannot read data written with its released version v1:")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("field 'channel'"));
  }

  @Test
  void aFieldWhoseTypeChangedIsReportedWithTheFieldNameAndBothTypes() throws IOException {
    Schema proposed = parse(INCOMPATIBLE_FIXTURES.resolve("MessageEvent-field-type-changed.avsc"));
    Schema released = parse(ContractSchemas.SCHEMA_HISTORY.resolve("v1").resolve("MessageEvent.avsc"));

    Optional<String> problem = backwardIncompatibility("MessageEvent", "v1", proposed, released);

    assertThat(problem).hasValueSatisfying(message -> assertThat(message)
        .contains("TYPE_MISMATCH")
        .contains("field 'hasMedia'")
        .contains("STRING")
        .contains("BOOLEAN"));
  }

  @Test
  void aFieldAddedWithADefaultKeepsTheSchemaCompatible() {
    Schema released = MessageEvent.getClassSchema();
    String withNewField = released.toString().replace(
        "\"fields\":[", "\"fields\":[{\"name\":\"replyToEventId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"},");
    Schema proposed = new Schema.Parser().parse(withNewField);

    assertThat(proposed.getField("replyToEventId")).isNotNull();
    assertThat(backwardIncompatibility("MessageEvent", "v1", proposed, released)).isEmpty();
  }

  @Test
  void everyFieldOfEveryGeneratedSchemaIsDocumented() {
    List<String> undocumented = new ArrayList<>();
    for (Schema schema : generatedSchemas()) {
      collectUndocumented(schema, new ArrayList<>(), undocumented);
    }

    assertThat(undocumented).as("fields and types without a doc").isEmpty();
  }

  @Test
  void theDocCheckCoversEveryNamedTypeDeclaredUnderSrcMainAvro() throws IOException {
    SchemaParser parser = new SchemaParser();
    try (Stream<Path> files = Files.walk(MAIN_AVRO)) {
      for (Path file : files.filter(file -> file.toString().endsWith(".avsc")).sorted().collect(Collectors.toList())) {
        parser.parse(file);
      }
    }
    List<String> declared = parser.getParsedNamedSchemas().stream().map(Schema::getFullName).collect(Collectors.toList());

    assertThat(generatedSchemas())
        .as("generatedSchemas() must list every named type of " + MAIN_AVRO + ", so that the doc check sees it")
        .extracting(Schema::getFullName)
        .containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void theDocCheckFindsAnUndocumentedNestedField() {
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Outer\",\"doc\":\"d\",\"fields\":["
        + "{\"name\":\"inner\",\"doc\":\"d\",\"type\":{\"type\":\"record\",\"name\":\"Inner\",\"doc\":\"d\","
        + "\"fields\":[{\"name\":\"count\",\"type\":\"int\"}]}}]}");
    List<String> undocumented = new ArrayList<>();

    collectUndocumented(schema, new ArrayList<>(), undocumented);

    assertThat(undocumented).containsExactly("Inner.count");
  }

  /**
   * Why {@code current} cannot read data written with {@code released} (BACKWARD compatibility), or
   * empty when it can.
   *
   * @param name the schema, for the message
   * @param version the released version, for the message
   */
  static Optional<String> backwardIncompatibility(String name, String version, Schema current, Schema released) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return Optional.empty();
    }
    String reasons = result.getResult().getIncompatibilities().stream()
        .map(incompatibility -> describe(incompatibility, current))
        .collect(Collectors.joining("; "));
    return Optional.of(name + " cannot read data written with its released version " + version + ": " + reasons);
  }

  /** Avro's description, with its location (a JSON pointer into the reader schema) turned into field names. */
  private static String describe(Incompatibility incompatibility, Schema reader) {
    String location = incompatibility.getLocation();
    String fields = fieldPath(reader, location);
    return incompatibility.getType() + " at "
        + (fields.isEmpty() ? location : "field '" + fields + "' (" + location + ")")
        + ": " + incompatibility.getMessage();
  }

  /** {@code /fields/8/type/fields/3} in the reader schema -> {@code evidence.distinctMinors}. */
  private static String fieldPath(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema schema = reader;
    String[] steps = location.split("/");
    for (int i = 0; i < steps.length; i++) {
      if (steps[i].equals("fields") && i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
        int position = Integer.parseInt(steps[++i]);
        if (position >= schema.getFields().size()) {
          break;
        }
        Schema.Field field = schema.getFields().get(position);
        names.add(field.name());
        schema = field.schema();
      } else if (steps[i].equals("items") && schema.getType() == Schema.Type.ARRAY) {
        schema = schema.getElementType();
      } else if (steps[i].equals("values") && schema.getType() == Schema.Type.MAP) {
        schema = schema.getValueType();
      } else if (steps[i].matches("[0-9]+") && schema.getType() == Schema.Type.UNION) {
        int branch = Integer.parseInt(steps[i]);
        if (branch >= schema.getTypes().size()) {
          break;
        }
        schema = schema.getTypes().get(branch);
      }
    }
    return String.join(".", names);
  }

  /**
   * Every type generated from {@code src/main/avro}, listed by hand so that the doc check sees the
   * internal ones too; {@link #theDocCheckCoversEveryNamedTypeDeclaredUnderSrcMainAvro} fails when a
   * new schema is missing here.
   */
  private static List<Schema> generatedSchemas() {
    return List.of(
        Profile.getClassSchema(), FriendRequestEvent.getClassSchema(), MessageEvent.getClassSchema(),
        Alert.getClassSchema(), Reason.getClassSchema(), Evidence.getClassSchema(),
        AgeBand.getClassSchema(), FriendRequestAction.getClassSchema(), Severity.getClassSchema(),
        SafetyReport.getClassSchema(), ReviewVerdict.getClassSchema(), SafetyAction.getClassSchema(),
        ReportCategory.getClassSchema(), Verdict.getClassSchema(),
        org.targetwatch.schema.internal.ReporterActions.getClassSchema(),
        org.targetwatch.schema.internal.ReportsReceived.getClassSchema(),
        org.targetwatch.schema.internal.VerdictState.getClassSchema(),
        org.targetwatch.schema.internal.AlertRecord.getClassSchema(),
        AccountMessage.getClassSchema(), ActivityCounts.getClassSchema(), AlertHistory.getClassSchema(),
        CampaignCandidate.getClassSchema(), CampaignMembership.getClassSchema(), ContactAttempt.getClassSchema(),
        ContactCandidate.getClassSchema(), ContactKind.getClassSchema(), EnrichedContact.getClassSchema(),
        Friend.getClassSchema(), FriendSet.getClassSchema(), FriendshipChanged.getClassSchema(),
        MessageReceived.getClassSchema(), PeerAgeBand.getClassSchema(), PeerFriendshipChanged.getClassSchema(),
        RequestAnswered.getClassSchema(), TargetEntry.getClassSchema(),
        org.targetwatch.schema.internal.Reassessment.getClassSchema(),
        org.targetwatch.schema.internal.RecentContacts.getClassSchema(),
        org.targetwatch.schema.internal.TargetResponse.getClassSchema(),
        org.targetwatch.schema.internal.ResponseKind.getClassSchema(),
        org.targetwatch.schema.internal.ContactDropped.getClassSchema(),
        org.targetwatch.schema.internal.SequenceState.getClassSchema(),
        org.targetwatch.schema.internal.WaitingMessage.getClassSchema());
  }

  private static void collectUndocumented(Schema schema, List<String> seen, List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD:
        if (seen.contains(schema.getFullName())) {
          return;
        }
        seen.add(schema.getFullName());
        requireDoc(schema.getDoc(), schema.getName(), undocumented);
        for (Schema.Field field : schema.getFields()) {
          requireDoc(field.doc(), schema.getName() + "." + field.name(), undocumented);
          collectUndocumented(field.schema(), seen, undocumented);
        }
        break;
      case ENUM:
        if (!seen.contains(schema.getFullName())) {
          seen.add(schema.getFullName());
          requireDoc(schema.getDoc(), schema.getName(), undocumented);
        }
        break;
      case UNION:
        for (Schema branch : schema.getTypes()) {
          collectUndocumented(branch, seen, undocumented);
        }
        break;
      case ARRAY:
        collectUndocumented(schema.getElementType(), seen, undocumented);
        break;
      case MAP:
        collectUndocumented(schema.getValueType(), seen, undocumented);
        break;
      default:
        break;
    }
  }

  private static void requireDoc(String doc, String what, List<String> undocumented) {
    if (doc == null || doc.isBlank()) {
      undocumented.add(what);
    }
  }

  private static List<Path> releasedVersions() throws IOException {
    try (Stream<Path> entries = Files.list(ContractSchemas.SCHEMA_HISTORY)) {
      List<Path> versions = entries.filter(Files::isDirectory).sorted().collect(Collectors.toList());
      assertThat(versions).as("released versions under " + ContractSchemas.SCHEMA_HISTORY).isNotEmpty();
      return versions;
    }
  }

  private static List<Path> schemaFiles(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(file -> file.toString().endsWith(".avsc")).sorted().collect(Collectors.toList());
    }
  }

  /** A fresh parser each time: a snapshot must be self-contained, not lean on types parsed before. */
  private static Schema parse(Path file) throws IOException {
    return new Schema.Parser().parse(file.toFile());
  }
}
