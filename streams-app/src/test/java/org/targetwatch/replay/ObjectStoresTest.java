package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.FRIENDSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.PROFILE_STORE;
import static org.targetwatch.topology.TopologyNames.SENT_TO_STORE;
import static org.targetwatch.topology.TopologyNames.SENDER_TARGETS_STORE;
import static org.targetwatch.topology.TopologyNames.activityStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.schema.internal.CampaignMembership;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.Utf8Order;
import org.targetwatch.topology.WindowSpec;

/**
 * Replay's stores of objects stand for Kafka Streams' in-memory stores behind their serialising
 * layer: the same operations, on the detector's own stores and values, give the same answers from
 * both, and a value read is the reader's own, as it is when decoded from bytes.
 */
class ObjectStoresTest {
  private static final DetectorConfig CONFIG = DetectorConfig.defaults();
  private static final String[] ACCOUNTS = {"a1", "a10", "a2", "b", "b\u0000a1", "b\u0000a2", "b\u0000", "\u00e9t\u00e9",
      "\uffff", "\ud83d\ude00", "a1\u0000b", "a1\u0000a10", "z"};

  private final ReplayStores objects = new ReplayStores(CONFIG);
  private final ReplayStores bytes = ReplayStores.serialisingInMemory(CONFIG);
  private final Random random = new Random(7);

  @AfterEach
  void close() {
    objects.close();
    bytes.close();
  }

  @Test
  void keyValueStoresAnswerAsKafkaStreamsInMemoryStoresDoToTheSameOperations() {
    compareKeyValueStores(SENDER_TARGETS_STORE, this::targetEntry);
    compareKeyValueStores(SENT_TO_STORE, i -> (long) i);
    compareKeyValueStores(FRIENDSHIP_STORE, i -> FriendSetBytes.encode(friendSet(i % 60)));
  }

  @Test
  void windowStoresKeepAndExpireBucketsAsKafkaStreamsInMemoryWindowStoreDoes() {
    for (WindowSpec window : CONFIG.windows()) {
      WindowStore<String, ActivityCounts> mine = objects.get(activityStore(window.name()));
      WindowStore<String, ActivityCounts> kafka = bytes.get(activityStore(window.name()));
      long bucket = window.bucketMs();
      long span = window.sizeMs() + CONFIG.grace().toMillis();
      long now = 1_000 * bucket;
      for (int step = 0; step < 4_000; step++) {
        String key = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        // mostly forwards, sometimes far behind the latest bucket (beyond retention) or ahead
        now += random.nextInt(4) == 0 ? bucket : 0;
        long at = now - (long) (random.nextDouble() * 1.3 * span) + (random.nextInt(10) == 0 ? 3 * bucket : 0);
        long start = window.bucketStart(at);
        switch (random.nextInt(6)) {
          case 0, 1 -> {
            ActivityCounts counts = activity(step);
            mine.put(key, counts, start);
            kafka.put(key, counts, start);
          }
          case 2 -> {
            mine.put(key, null, start);
            kafka.put(key, null, start);
          }
          case 3 -> assertThat(mine.fetch(key, start)).isEqualTo(kafka.fetch(key, start));
          case 4 -> {
            long from = window.windowStart(at);
            assertThat(values(mine.fetch(key, from, start))).isEqualTo(values(kafka.fetch(key, from, start)));
            assertThat(values(mine.backwardFetch(key, from, start)))
                .isEqualTo(values(kafka.backwardFetch(key, from, start)));
          }
          default -> {
            long from = window.windowStart(at);
            assertThat(windowed(mine.fetchAll(from, start))).isEqualTo(windowed(kafka.fetchAll(from, start)));
            assertThat(windowed(mine.fetch("a", "b\u0000a2", from, start)))
                .isEqualTo(windowed(kafka.fetch("a", "b\u0000a2", from, start)));
          }
        }
      }
      assertThat(windowed(mine.all())).isNotEmpty().isEqualTo(windowed(kafka.all()));
      assertThat(objects.size().entriesPerStore()).isEqualTo(bytes.size().entriesPerStore());
    }
  }

  @Test
  void aValueReadIsTheReadersOwnSoChangingItChangesNeitherTheStoreNorAnotherReadersValue() {
    KeyValueStore<String, TargetEntry> targets = objects.get(SENDER_TARGETS_STORE);
    TargetEntry written = targetEntry(4);
    targets.put("a1\u0000b", written);
    written.setAccepted(true);

    TargetEntry first = targets.get("a1\u0000b");
    TargetEntry second = targets.get("a1\u0000b");
    first.setDeclined(true);
    first.setDegree(99);

    assertThat(second).isEqualTo(targetEntry(4));
    assertThat(targets.get("a1\u0000b")).isEqualTo(targetEntry(4));
    try (KeyValueIterator<String, TargetEntry> all = targets.all()) {
      assertThat(all.next().value).isEqualTo(targetEntry(4)).isNotSameAs(second);
    }
  }

  @Test
  void bytesAreSharedAsKafkaStreamsInMemoryStoreSharesThem() {
    KeyValueStore<String, byte[]> friendships = objects.get(FRIENDSHIP_STORE);
    KeyValueStore<String, byte[]> kafka = bytes.get(FRIENDSHIP_STORE);
    byte[] set = FriendSetBytes.encode(friendSet(3));
    friendships.put("a1", set);
    kafka.put("a1", set);
    assertThat(friendships.get("a1")).isSameAs(kafka.get("a1")).isSameAs(set);
  }

  @Test
  void aStoredProfileKeepsItsTimesToTheMillisecondAsItsBytesWould() {
    KeyValueStore<String, Profile> profiles = objects.get(PROFILE_STORE);
    KeyValueStore<String, Profile> kafka = bytes.get(PROFILE_STORE);
    Profile profile = new Profile("a1", Instant.parse("2026-03-01T12:00:00.123456789Z"),
        Instant.parse("2025-01-01T00:00:00.9999Z"), AgeBand.AGE_13_15, false);
    profiles.put("a1", profile);
    kafka.put("a1", profile);
    assertThat(profiles.get("a1")).isEqualTo(kafka.get("a1"));
    assertThat(profiles.get("a1").getUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
  }

  @Test
  void everyStoredRecordKindIsCopiedWholeEveryFieldOfIt() {
    for (Class<? extends SpecificRecord> type : List.of(Profile.class, FriendSet.class, Friend.class, TargetEntry.class,
        ActivityCounts.class, AlertHistory.class, CampaignCandidate.class, CampaignMembership.class,
        org.targetwatch.schema.internal.SequenceState.class, org.targetwatch.schema.internal.WaitingMessage.class)) {
      SpecificRecord value = filled(type);
      SpecificRecord copy = StoreValueCopies.copy(value);
      assertThat(copy).as(type.getSimpleName()).isEqualTo(value).isNotSameAs(value);
      assertThat(StoreValueCopies.schemaWalkOf(type).copy(value)).as(type.getSimpleName()).isEqualTo(value);
      for (int i = 0; i < value.getSchema().getFields().size(); i++) {
        if (value.get(i) instanceof SpecificRecord || value.get(i) instanceof List<?>) {
          assertThat(copy.get(i)).as(type.getSimpleName() + " field " + i).isNotSameAs(value.get(i));
        }
      }
    }
    assertThat(List.of(Profile.class, TargetEntry.class, ActivityCounts.class, AlertHistory.class,
        org.targetwatch.schema.internal.SequenceState.class))
        .as("still copied by hand: their schemas have the fields the copies know")
        .allMatch(StoreValueCopies::copiedByHand);
  }

  /** A record with every field set to a value unlike its default and unlike every other field's. */
  private static SpecificRecord filled(Class<? extends SpecificRecord> type) {
    Schema schema = SpecificData.get().getSchema(type);
    SpecificRecord record = (SpecificRecord) SpecificData.newInstance(type, schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.pos(), valueOf(field.schema(), field.pos() + 1));
    }
    return record;
  }

  @SuppressWarnings("unchecked")
  private static Object valueOf(Schema schema, int n) {
    if (schema.getLogicalType() != null && schema.getType() == Schema.Type.LONG) {
      return Instant.ofEpochMilli(1_700_000_000_000L + n);
    }
    return switch (schema.getType()) {
      case STRING -> "s" + n;
      case INT -> 10 + n;
      case LONG -> 1_000L + n;
      case DOUBLE -> n + 0.25;
      case BOOLEAN -> true;
      case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1 - n
          % schema.getEnumSymbols().size()), schema);
      case UNION -> valueOf(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
          .orElseThrow(), n);
      case ARRAY -> new ArrayList<>(List.of(valueOf(schema.getElementType(), n), valueOf(schema.getElementType(), n + 7)));
      case RECORD -> filled((Class<? extends SpecificRecord>) SpecificData.get().getClass(schema));
      default -> throw new IllegalArgumentException("no value for " + schema);
    };
  }

  private <V> void compareKeyValueStores(String name, Function<Integer, V> values) {
    KeyValueStore<String, V> mine = objects.get(name);
    KeyValueStore<String, V> kafka = bytes.get(name);
    for (int step = 0; step < 3_000; step++) {
      String key = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      String other = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      if (Utf8Order.compare(key, other) > 0) { // (a range from > to is empty in both, with a warning)
        String swap = key;
        key = other;
        other = swap;
      }
      switch (random.nextInt(9)) {
        case 0, 1, 2 -> {
          V value = values.apply(step);
          mine.put(key, value);
          kafka.put(key, value);
        }
        case 3 -> assertThat(mine.delete(key)).isEqualTo(kafka.delete(key));
        case 4 -> {
          V value = values.apply(step);
          assertThat(mine.putIfAbsent(key, value)).isEqualTo(kafka.putIfAbsent(key, value));
        }
        case 5 -> assertThat(mine.get(key)).isEqualTo(kafka.get(key));
        case 6 -> {
          assertThat(entries(mine.range(key, other))).isEqualTo(entries(kafka.range(key, other)));
          assertThat(entries(mine.reverseRange(key, other))).isEqualTo(entries(kafka.reverseRange(key, other)));
          assertThat(entries(mine.range(null, other))).isEqualTo(entries(kafka.range(null, other)));
          assertThat(entries(mine.range(key, null))).isEqualTo(entries(kafka.range(key, null)));
        }
        case 7 -> {
          // not empty: Kafka's store cannot take an empty prefix
          String prefix = key.substring(0, 1 + random.nextInt(key.length()));
          assertThat(entries(mine.prefixScan(prefix, new StringSerializer())))
              .isEqualTo(entries(kafka.prefixScan(prefix, new StringSerializer())));
        }
        default -> {
          assertThat(entries(mine.all())).isEqualTo(entries(kafka.all()));
          assertThat(entries(mine.reverseAll())).isEqualTo(entries(kafka.reverseAll()));
          assertThat(mine.approximateNumEntries()).isEqualTo(kafka.approximateNumEntries());
        }
      }
    }
    assertThat(entries(mine.all())).isNotEmpty();
  }

  private static <K, V> List<KeyValue<K, V>> entries(KeyValueIterator<K, V> iterator) {
    List<KeyValue<K, V>> entries = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static <V> List<KeyValue<Long, V>> values(WindowStoreIterator<V> iterator) {
    List<KeyValue<Long, V>> entries = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static <V> List<KeyValue<Windowed<String>, V>> windowed(KeyValueIterator<Windowed<String>, V> iterator) {
    return entries(iterator);
  }

  private FriendSet friendSet(int size) {
    List<Friend> friends = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      friends.add(new Friend(String.format("a%03d", i), 1_000L * i, i % 3 == 0, AgeBand.values()[i % 5]));
    }
    return new FriendSet(size + size % 7, friends);
  }

  private TargetEntry targetEntry(int i) {
    return new TargetEntry("t" + i, 1_000L * i, i % 2 == 0, i % 3 == 0, i % 5 == 0, AgeBand.values()[i % 5], i,
        i / 100.0, i % 7 == 0, i % 4, i % 11 == 0, i % 13 == 0, false, i % 17 == 0);
  }

  private ActivityCounts activity(int i) {
    ActivityCounts counts = new ActivityCounts();
    counts.setTargets(i);
    counts.setMinors(i / 2);
    counts.setPercentileSum(i / 3.0);
    counts.setEscalations(i % 5);
    return counts;
  }

}
