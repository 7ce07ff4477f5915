package org.targetwatch.topology;

import static org.targetwatch.topology.TopologyNames.ALERT_HISTORY_STORE;
import static org.targetwatch.topology.TopologyNames.CAMPAIGN_CANDIDATES_STORE;
import static org.targetwatch.topology.TopologyNames.CAMPAIGN_MEMBERSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.FRIENDSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.MINOR_DEGREE_STORE;
import static org.targetwatch.topology.TopologyNames.PROFILE_STORE;
import static org.targetwatch.topology.TopologyNames.RECENT_CONTACTS_STORE;
import static org.targetwatch.topology.TopologyNames.REVIEW_VERDICTS_STORE;
import static org.targetwatch.topology.TopologyNames.SAFETY_REPORTS_STORE;
import static org.targetwatch.topology.TopologyNames.SENT_TO_STORE;
import static org.targetwatch.topology.TopologyNames.SENDER_TARGETS_STORE;
import static org.targetwatch.topology.TopologyNames.SEQUENCE_STORE;
import static org.targetwatch.topology.TopologyNames.WAITING_MESSAGES_STORE;
import static org.targetwatch.topology.TopologyNames.activityStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.targetwatch.alerts.AlertCooldown;
import org.targetwatch.contacts.FirstMessages;
import org.targetwatch.contacts.RecentContactMemory;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.schema.internal.CampaignMembership;
import org.targetwatch.schema.internal.ReportsReceived;
import org.targetwatch.schema.internal.SequenceState;
import org.targetwatch.schema.internal.WaitingMessage;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.schema.internal.VerdictState;
import org.targetwatch.safety.ProtectiveActions;
import org.targetwatch.safety.ReviewVerdicts;
import org.targetwatch.serde.InternalAvroSerde;
import org.targetwatch.windows.SenderActivity;
import org.targetwatch.windows.SenderSequence;

/**
 * The detector's state stores: how they are built (names, serdes, retention) and how a processor
 * gets typed views of them. All are keyed by account id (or account id plus a second account), so
 * every store is partitioned like the accounts. Window stores expire with their window plus grace;
 * the two key-value stores of pairs (targets, who wrote to whom first) are swept daily by stage 3;
 * a sender's recent contacts are a bounded list that forgets contacts older than the long window;
 * an account's sequence (what its windows have applied of what its partition sent them) is
 * forgotten with it.
 */
public final class DetectorStores {
  private final FriendshipGraph graph;
  private final FirstMessages firstMessages;
  private final SenderActivity activity;
  private final AlertCooldown cooldown;
  private final RecentContactMemory recentContacts;
  private final ProtectiveActions protectiveActions;
  private final ReviewVerdicts verdicts;
  private final SenderSequence sequence;

  private DetectorStores(FriendshipGraph graph, FirstMessages firstMessages, SenderActivity activity,
      AlertCooldown cooldown, RecentContactMemory recentContacts, ProtectiveActions protectiveActions,
      ReviewVerdicts verdicts, SenderSequence sequence) {
    this.sequence = sequence;
    this.recentContacts = recentContacts;
    this.protectiveActions = protectiveActions;
    this.verdicts = verdicts;
    this.graph = graph;
    this.firstMessages = firstMessages;
    this.activity = activity;
    this.cooldown = cooldown;
  }

  /** Names of all stores, for connecting them to every account-keyed processor. */
  public static String[] names(DetectorConfig config) {
    List<String> names = new ArrayList<>(List.of(PROFILE_STORE, FRIENDSHIP_STORE, MINOR_DEGREE_STORE,
        SENT_TO_STORE, SENDER_TARGETS_STORE, ALERT_HISTORY_STORE, RECENT_CONTACTS_STORE, SAFETY_REPORTS_STORE,
        REVIEW_VERDICTS_STORE, SEQUENCE_STORE, WAITING_MESSAGES_STORE));
    for (WindowSpec window : config.windows()) {
      names.add(activityStore(window.name()));
    }
    return names.toArray(String[]::new);
  }

  /**
   * The stores have a record cache ({@code statestore.cache.max.bytes}): repeated writes of one key
   * within a commit interval reach the changelog and RocksDB once. An account's friend set is
   * rewritten whole on each friendship change, so without it a backlog of friendships (the graph's
   * history, a busy account) writes the same growing set over and over. Not the stores in
   * {@link #WITHOUT_RECORD_CACHE}.
   */
  public static List<StoreBuilder<?>> builders(DetectorConfig config, boolean inMemory) {
    List<StoreBuilder<?>> builders = new ArrayList<>();
    builders.add(Stores.keyValueStoreBuilder(kv(PROFILE_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(Profile.class)));
    // FriendSetBytes (the internal serde's bytes), read without decoding by FriendshipGraph
    builders.add(Stores.keyValueStoreBuilder(kv(FRIENDSHIP_STORE, inMemory), Serdes.String(), Serdes.ByteArray()));
    // HistogramSerde bytes, decoded by MinorDegreeDistribution itself only when they change
    builders.add(Stores.keyValueStoreBuilder(kv(MINOR_DEGREE_STORE, inMemory), Serdes.String(), Serdes.ByteArray()));
    builders.add(Stores.keyValueStoreBuilder(kv(ALERT_HISTORY_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(AlertHistory.class)));
    builders.add(Stores.keyValueStoreBuilder(kv(SENT_TO_STORE, inMemory), Serdes.String(), Serdes.Long()));
    builders.add(Stores.keyValueStoreBuilder(kv(SENDER_TARGETS_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(TargetEntry.class)));
    builders.add(Stores.keyValueStoreBuilder(kv(RECENT_CONTACTS_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(org.targetwatch.schema.internal.RecentContacts.class)));
    // the safety loop: only accounts that were blocked, reported or reviewed have an entry
    builders.add(Stores.keyValueStoreBuilder(kv(SAFETY_REPORTS_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(ReportsReceived.class)));
    builders.add(Stores.keyValueStoreBuilder(kv(REVIEW_VERDICTS_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(VerdictState.class)));
    // the senders' sequences, and the reorder buffer (empty unless answers come back out of order)
    builders.add(Stores.keyValueStoreBuilder(kv(SEQUENCE_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(SequenceState.class)));
    builders.add(Stores.keyValueStoreBuilder(kv(WAITING_MESSAGES_STORE, inMemory), Serdes.String(),
        InternalAvroSerde.of(WaitingMessage.class)));
    for (WindowSpec w : config.windows()) {
      Duration bucketRetention = w.size().plus(config.grace());
      builders.add(Stores.windowStoreBuilder(
          window(activityStore(w.name()), bucketRetention, Duration.ofMillis(w.bucketMs()), inMemory),
          Serdes.String(), InternalAvroSerde.of(ActivityCounts.class))
          .withLoggingEnabled(WINDOW_CHANGELOG_CONFIG));
    }
    for (StoreBuilder<?> builder : builders) {
      if (!WITHOUT_RECORD_CACHE.contains(builder.name())) {
        builder.withCachingEnabled();
      }
    }
    return builders;
  }

  /**
   * Stores whose reads almost never find their key in the record cache and whose writes do not
   * repeat a key within a commit: a profile is read once per contact to its account and written
   * once per profile change (hit ratio 0.09), a (sender, target) pair read and written once per
   * contact (0.02-0.04; docs/performance.md, issue #20). A cache would only hold their entries in
   * the room the stores that hit need.
   */
  static final java.util.Set<String> WITHOUT_RECORD_CACHE = java.util.Set.of(PROFILE_STORE, SENDER_TARGETS_STORE);

  /**
   * A window store's changelog is compacted and deleted by time ({@code retention.ms}: the store's
   * retention plus a day), and the broker deletes by record timestamp. Written with the event time,
   * a changelog of events older than its retention (history loaded into a new deployment, a backfill,
   * the fault tests' simulated platform) lost its records as soon as they were written, and a task
   * restored on another instance or after a crash came back with its windows empty while the
   * targets' store still knew the targets. Stamped with the time the broker appends them, records
   * stay for the retention after they were written; the store's own segments still expire by event
   * time.
   */
  static final Map<String, String> WINDOW_CHANGELOG_CONFIG =
      Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

  /**
   * The two stores of the campaign stage (stage 4), keyed by sender; they belong to its one global
   * task, not to the account-keyed processors. Built here as in {@code DetectorTopology}.
   */
  public static List<StoreBuilder<?>> campaignBuilders(boolean inMemory) {
    return List.of(
        Stores.keyValueStoreBuilder(kv(CAMPAIGN_CANDIDATES_STORE, inMemory), Serdes.String(),
            InternalAvroSerde.of(CampaignCandidate.class)),
        Stores.keyValueStoreBuilder(kv(CAMPAIGN_MEMBERSHIP_STORE, inMemory), Serdes.String(),
            InternalAvroSerde.of(CampaignMembership.class)));
  }

  static KeyValueBytesStoreSupplier kv(String name, boolean inMemory) {
    return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
  }

  private static WindowBytesStoreSupplier window(String name, Duration retention, Duration size, boolean inMemory) {
    return inMemory
        ? Stores.inMemoryWindowStore(name, retention, size, false)
        : Stores.persistentWindowStore(name, retention, size, false);
  }

  public static DetectorStores from(ProcessorContext<?, ?> context, DetectorConfig config) {
    return from(context, config, DetectorMetrics.NONE);
  }

  /** With the metrics the senders' sequences count their waits in. */
  public static DetectorStores from(ProcessorContext<?, ?> context, DetectorConfig config, DetectorMetrics metrics) {
    KeyValueStore<String, Profile> profiles = context.getStateStore(PROFILE_STORE);
    KeyValueStore<String, byte[]> friendships = context.getStateStore(FRIENDSHIP_STORE);
    KeyValueStore<String, byte[]> degrees = context.getStateStore(MINOR_DEGREE_STORE);
    KeyValueStore<String, Long> sentTo = context.getStateStore(SENT_TO_STORE);
    KeyValueStore<String, TargetEntry> targets = context.getStateStore(SENDER_TARGETS_STORE);
    KeyValueStore<String, AlertHistory> alertHistory = context.getStateStore(ALERT_HISTORY_STORE);
    Map<WindowSpec, WindowStore<String, ActivityCounts>> buckets = new LinkedHashMap<>();
    for (WindowSpec w : config.windows()) {
      buckets.put(w, context.getStateStore(activityStore(w.name())));
    }
    FriendshipGraph graph = new FriendshipGraph(profiles, friendships, degrees, config.maxFriendsStored());
    return new DetectorStores(graph, new FirstMessages(sentTo, config.longWindow().sizeMs()),
        new SenderActivity(targets, buckets, config.longWindow()),
        new AlertCooldown(alertHistory, config.cooldown().toMillis()),
        new RecentContactMemory(context.getStateStore(RECENT_CONTACTS_STORE), config.longWindow().sizeMs()),
        new ProtectiveActions(context.getStateStore(SAFETY_REPORTS_STORE), config.safety().maxReportersPerAccount(),
            config.longWindow().sizeMs()),
        new ReviewVerdicts(context.getStateStore(REVIEW_VERDICTS_STORE), config.safety()),
        new SenderSequence(context.getStateStore(SEQUENCE_STORE), context.getStateStore(WAITING_MESSAGES_STORE),
            config.resequenceMaxWait().toMillis(), metrics));
  }

  /** Each account's sequence and reorder buffer ({@code sender-sequence}, {@code sender-waiting-messages}). */
  public SenderSequence sequence() {
    return sequence;
  }

  /** The blocks and reports each account received ({@code safety-reports}). */
  public ProtectiveActions protectiveActions() {
    return protectiveActions;
  }

  /** The verdict standing for each reviewed account ({@code review-verdicts}). */
  public ReviewVerdicts verdicts() {
    return verdicts;
  }

  /** The senders' most recent contacts ({@code sender-recent-contacts}). */
  public RecentContactMemory recentContacts() {
    return recentContacts;
  }

  public FriendshipGraph graph() {
    return graph;
  }

  /** Who wrote first to whom ({@code messages-sent-to}); "recent" is the long window. */
  public FirstMessages firstMessages() {
    return firstMessages;
  }

  public SenderActivity activity() {
    return activity;
  }

  public AlertCooldown cooldown() {
    return cooldown;
  }
}
