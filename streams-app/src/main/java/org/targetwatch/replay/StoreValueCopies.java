package org.targetwatch.replay;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.AlertRecord;
import org.targetwatch.schema.internal.RecentContacts;
import org.targetwatch.schema.internal.SequenceState;
import org.targetwatch.schema.internal.TargetEntry;

/**
 * Copies the values that replay's object stores hold, on the way in and on the way out, so that a
 * processor never shares a mutable instance with a store: what a store that serialises gives for
 * free, without the bytes (strings are shared: they are immutable).
 *
 * <p>An Avro record is copied field by field following its schema, with what the store's Avro serde
 * would change on the way through: a logical-type value (a {@code timestamp-millis} instant) goes
 * through its raw form, so sub-millisecond digits are dropped as they are in bytes. Immutable values
 * (strings, boxed numbers, booleans, enums) are shared. A {@code byte[]} is shared too, as
 * {@code Serdes.ByteArray} shares it: Kafka's in-memory store hands back the very array it was given.
 * Any other kind of value is refused, so a new store value type cannot be shared by accident.
 *
 * <p>The schema walk is no faster than decoding bytes, so the records that events read and write
 * most are copied by hand: profiles, targets, activity counts, alert history, recent contacts and the senders'
 * sequences. A hand-written
 * copy is used only while its record's schema has exactly the fields it copies; otherwise the schema
 * walk takes over, so a field added to a schema is never lost.
 */
final class StoreValueCopies {
  /** Copies one kind of record. */
  @FunctionalInterface
  interface RecordCopier {
    SpecificRecord copy(SpecificRecord record);
  }

  /** A hand-written copy and the fields of its record it copies, in schema order. */
  private record ByHand(List<String> fields, RecordCopier copier) {
    boolean fits(Schema schema) {
      return fields.equals(fieldsOf(schema));
    }
  }

  private static final Map<Class<?>, ByHand> BY_HAND = Map.of(
      Profile.class, new ByHand(List.of("accountId", "updatedAt", "createdAt", "ageBand", "deleted"),
          profile -> copyProfile((Profile) profile)),
      TargetEntry.class, new ByHand(List.of("targetId", "firstContactAt", "requested", "messaged", "minor", "ageBand",
          "degree", "degreePercentile", "aboveUpperQuartile", "mutualFriends", "accepted", "declined", "removed",
          "escalated"), entry -> copyTargetEntry((TargetEntry) entry)),
      ActivityCounts.class, new ByHand(List.of("targets", "minors", "highDegreeMinors", "percentileSum",
          "strangerMinors", "sameBandMinors", "requests", "messages", "accepted", "declined", "removed",
          "escalations", "cohesionSum", "protectiveActions", "targetDegreeSum", "linksKnown", "linksExpected"), counts -> copyActivityCounts((ActivityCounts) counts)),
      AlertHistory.class, new ByHand(List.of("severity", "at", "count", "alertIds", "recentAlerts"),
          history -> copyAlertHistory((AlertHistory) history)),
      RecentContacts.class, new ByHand(List.of("targetIds", "contactedAt"),
          recent -> copyRecentContacts((RecentContacts) recent)),
      SequenceState.class, new ByHand(List.of("sent", "applied", "waiting", "waitingSince", "lastAt"),
          state -> copySequenceState((SequenceState) state)));

  private static final ClassValue<RecordCopier> RECORDS = new ClassValue<>() {
    @Override
    protected RecordCopier computeValue(Class<?> type) {
      ByHand byHand = BY_HAND.get(type);
      return byHand != null && byHand.fits(SpecificData.get().getSchema(type)) ? byHand.copier() : schemaWalkOf(type);
    }
  };

  /** Whether a record of {@code type} is copied by hand (while its schema fits the copy). */
  static boolean copiedByHand(Class<?> type) {
    return BY_HAND.containsKey(type) && RECORDS.get(type) == BY_HAND.get(type).copier();
  }

  private StoreValueCopies() {}

  /** A copy of a value that shares no mutable part with it. */
  @SuppressWarnings("unchecked")
  static <V> V copy(V value) {
    return value == null ? null : (V) copierOf(value.getClass()).apply(value);
  }

  /** How values of one class are copied. */
  static UnaryOperator<Object> copierOf(Class<?> type) {
    if (type == String.class || type == Long.class || type == Integer.class || type == Double.class
        || type == Float.class || type == Boolean.class || type == byte[].class) {
      return SHARED_VALUE;
    }
    if (SpecificRecord.class.isAssignableFrom(type)) {
      RecordCopier records = RECORDS.get(type);
      return value -> records.copy((SpecificRecord) value);
    }
    return value -> {
      throw new IllegalArgumentException("replay stores cannot copy a value of " + type.getName()
          + "; teach StoreValueCopies how");
    };
  }

  private static final UnaryOperator<Object> SHARED_VALUE = value -> value;

  /**
   * The copies of one store's values. A store holds one kind of value, so the copy for the kind it
   * last copied is kept at hand: a copy then costs a class comparison more than the copy itself.
   */
  static final class ForStore {
    private Class<?> kind;
    private UnaryOperator<Object> copier;

    @SuppressWarnings("unchecked")
    <V> V copy(V value) {
      if (value == null) {
        return null;
      }
      if (value.getClass() != kind) {
        copier = copierOf(value.getClass());
        kind = value.getClass();
      }
      return (V) copier.apply(value);
    }
  }

  /** The copier that follows the schema of a generated record class. */
  static RecordCopier schemaWalkOf(Class<?> type) {
    return new SchemaWalk(type, SpecificData.get().getSchema(type));
  }

  private static List<String> fieldsOf(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }

  private static Profile copyProfile(Profile profile) {
    Profile copy = new Profile();
    copy.setAccountId(profile.getAccountId());
    copy.setUpdatedAt(toMillis(profile.getUpdatedAt()));
    copy.setCreatedAt(toMillis(profile.getCreatedAt()));
    copy.setAgeBand(profile.getAgeBand());
    copy.setDeleted(profile.getDeleted());
    return copy;
  }

  /** What {@code timestamp-millis} keeps of an instant. */
  private static Instant toMillis(Instant instant) {
    return instant == null || instant.getNano() % 1_000_000 == 0 ? instant : Instant.ofEpochMilli(instant.toEpochMilli());
  }

  private static TargetEntry copyTargetEntry(TargetEntry entry) {
    TargetEntry copy = new TargetEntry();
    copy.setTargetId(entry.getTargetId());
    copy.setFirstContactAt(entry.getFirstContactAt());
    copy.setRequested(entry.getRequested());
    copy.setMessaged(entry.getMessaged());
    copy.setMinor(entry.getMinor());
    copy.setAgeBand(entry.getAgeBand());
    copy.setDegree(entry.getDegree());
    copy.setDegreePercentile(entry.getDegreePercentile());
    copy.setAboveUpperQuartile(entry.getAboveUpperQuartile());
    copy.setMutualFriends(entry.getMutualFriends());
    copy.setAccepted(entry.getAccepted());
    copy.setDeclined(entry.getDeclined());
    copy.setRemoved(entry.getRemoved());
    copy.setEscalated(entry.getEscalated());
    return copy;
  }

  private static ActivityCounts copyActivityCounts(ActivityCounts counts) {
    ActivityCounts copy = new ActivityCounts();
    copy.setTargets(counts.getTargets());
    copy.setMinors(counts.getMinors());
    copy.setHighDegreeMinors(counts.getHighDegreeMinors());
    copy.setPercentileSum(counts.getPercentileSum());
    copy.setStrangerMinors(counts.getStrangerMinors());
    copy.setSameBandMinors(counts.getSameBandMinors());
    copy.setRequests(counts.getRequests());
    copy.setMessages(counts.getMessages());
    copy.setAccepted(counts.getAccepted());
    copy.setDeclined(counts.getDeclined());
    copy.setRemoved(counts.getRemoved());
    copy.setEscalations(counts.getEscalations());
    copy.setCohesionSum(counts.getCohesionSum());
    copy.setTargetDegreeSum(counts.getTargetDegreeSum());
    copy.setLinksKnown(counts.getLinksKnown());
    copy.setLinksExpected(counts.getLinksExpected());
    copy.setProtectiveActions(counts.getProtectiveActions());
    return copy;
  }

  /** Strings and boxed longs are immutable: new lists over the same elements. */
  private static RecentContacts copyRecentContacts(RecentContacts recent) {
    return new RecentContacts(new ArrayList<>(recent.getTargetIds()), new ArrayList<>(recent.getContactedAt()));
  }

  /** Read and written twice per contact (sent, applied): five numbers. */
  private static SequenceState copySequenceState(SequenceState state) {
    return new SequenceState(state.getSent(), state.getApplied(), state.getWaiting(), state.getWaitingSince(),
        state.getLastAt());
  }

  private static AlertHistory copyAlertHistory(AlertHistory history) {
    AlertHistory copy = new AlertHistory();
    copy.setSeverity(history.getSeverity());
    copy.setAt(history.getAt());
    copy.setCount(history.getCount());
    copy.setAlertIds(new ArrayList<>(history.getAlertIds()));
    List<AlertRecord> alerts = new ArrayList<>(history.getRecentAlerts().size());
    for (AlertRecord alert : history.getRecentAlerts()) {
      alerts.add(new AlertRecord(alert.getAlertId(), alert.getAt(), alert.getSeverity(), alert.getMinors()));
    }
    copy.setRecentAlerts(alerts);
    return copy;
  }

  /** Copies one value of a given schema. */
  @FunctionalInterface
  private interface Copier {
    Object copy(Object value);
  }

  private static final Copier SHARED = value -> value;

  /** Copies the records of one generated class, with a copier per field made once from its schema. */
  private static final class SchemaWalk implements RecordCopier {
    private final MethodHandle constructor;
    private final Copier[] fields;

    SchemaWalk(Class<?> type, Schema schema) {
      try {
        this.constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
            .asType(MethodType.methodType(SpecificRecord.class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "replay stores cannot copy " + type.getName() + ": no public constructor without arguments", e);
      }
      SpecificData model = SpecificData.getForClass(type); // the class's own model knows its conversions
      List<Schema.Field> schemaFields = schema.getFields();
      this.fields = new Copier[schemaFields.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = copierFor(schemaFields.get(i).schema(), model);
      }
    }

    @Override
    public SpecificRecord copy(SpecificRecord source) {
      SpecificRecord target;
      try {
        target = (SpecificRecord) constructor.invokeExact();
      } catch (Throwable e) {
        throw new IllegalStateException("cannot make a " + source.getClass().getName(), e);
      }
      for (int i = 0; i < fields.length; i++) {
        Copier field = fields[i];
        target.put(i, field == SHARED ? source.get(i) : field.copy(source.get(i)));
      }
      return target;
    }
  }

  private static Copier copierFor(Schema schema, SpecificData model) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType != null) {
      Conversion<?> conversion = model.getConversionFor(logicalType);
      if (conversion != null) {
        return viaRawForm(schema, logicalType, conversion);
      }
    }
    switch (schema.getType()) {
      case RECORD:
        return value -> value == null ? null : RECORDS.get(value.getClass()).copy((SpecificRecord) value);
      case ARRAY: {
        Copier items = copierFor(schema.getElementType(), model);
        return value -> value == null ? null : copyList((List<?>) value, schema, items);
      }
      case MAP: {
        Copier values = copierFor(schema.getValueType(), model);
        return value -> value == null ? null : copyMap((Map<?, ?>) value, values);
      }
      case UNION:
        return unionCopier(schema, model);
      case STRING:
        return value -> value instanceof Utf8 utf8 ? new Utf8(utf8) : value; // Utf8 is mutable
      case BYTES:
        return value -> value == null ? null : copyBuffer((ByteBuffer) value);
      case FIXED:
        return value -> value == null ? null : model.deepCopy(schema, value);
      default: // enums, numbers, booleans, null: immutable
        return SHARED;
    }
  }

  private static <T> Copier viaRawForm(Schema schema, LogicalType logicalType, Conversion<T> conversion) {
    Class<T> converted = conversion.getConvertedType();
    return value -> {
      if (!converted.isInstance(value)) {
        return value; // null, or already in raw form: immutable
      }
      Object raw = Conversions.convertToRawType(converted.cast(value), schema, logicalType, conversion);
      return Conversions.convertToLogicalType(raw, schema, logicalType, conversion);
    };
  }

  /** A union's branch is told by the value's kind, as Avro tells it when writing. */
  private static Copier unionCopier(Schema union, SpecificData model) {
    Map<Schema.Type, Copier> containers = new HashMap<>();
    Copier string = SHARED;
    Copier logical = null;
    Class<?> logicalClass = null;
    for (Schema branch : union.getTypes()) {
      switch (branch.getType()) {
        case ARRAY, MAP, BYTES -> containers.put(branch.getType(), copierFor(branch, model));
        case STRING -> string = copierFor(branch, model);
        default -> {
          Conversion<?> conversion = branch.getLogicalType() == null ? null
              : model.getConversionFor(branch.getLogicalType());
          if (conversion != null) {
            logical = copierFor(branch, model);
            logicalClass = conversion.getConvertedType();
          }
        }
      }
    }
    Copier list = containers.get(Schema.Type.ARRAY);
    Copier map = containers.get(Schema.Type.MAP);
    Copier bytes = containers.get(Schema.Type.BYTES);
    Copier stringBranch = string;
    Copier logicalBranch = logical;
    Class<?> logicalType = logicalClass;
    return value -> {
      if (value == null) {
        return null;
      } else if (value instanceof SpecificRecord record) {
        return RECORDS.get(record.getClass()).copy(record);
      } else if (value instanceof List<?> && list != null) {
        return list.copy(value);
      } else if (value instanceof Map<?, ?> && map != null) {
        return map.copy(value);
      } else if (value instanceof ByteBuffer && bytes != null) {
        return bytes.copy(value);
      } else if (value instanceof CharSequence) {
        return stringBranch.copy(value);
      } else if (logicalType != null && logicalType.isInstance(value)) {
        return logicalBranch.copy(value);
      }
      return value;
    };
  }

  private static List<Object> copyList(List<?> list, Schema schema, Copier items) {
    // the kind of list Avro's reader makes, so a copy looks like a value read back from bytes
    GenericData.Array<Object> copy = new GenericData.Array<>(list.size(), schema);
    for (Object item : list) {
      copy.add(items.copy(item));
    }
    return copy;
  }

  private static Map<Object, Object> copyMap(Map<?, ?> map, Copier values) {
    Map<Object, Object> copy = new HashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    map.forEach((key, value) -> copy.put(key instanceof Utf8 utf8 ? new Utf8(utf8) : key, values.copy(value)));
    return copy;
  }

  private static ByteBuffer copyBuffer(ByteBuffer buffer) {
    ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
    copy.put(buffer.duplicate()).flip();
    return copy;
  }
}
