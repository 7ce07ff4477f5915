package org.targetwatch.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.AlertRecord;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.ReporterActions;
import org.targetwatch.schema.internal.ReportsReceived;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.schema.internal.VerdictState;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.TopologyNames;
import org.targetwatch.topology.WindowSpec;
import org.targetwatch.windows.SenderActivity;

/**
 * What this instance's state stores hold about one account, read with Interactive Queries
 * ({@link KafkaStreams#store}): its profile and degree, its open windows' figures, the targets it
 * contacted (degree at contact time, response, reports and blocks by them), its alerts and its
 * verdict; and, among its targets whose friend lists this instance holds, which know each other.
 * Only the instance that owns the account's partition answers this fully ({@link AccountLookup}).
 */
final class AccountStateReader {
  /** Targets listed at most (the per-window cap is larger; the page and the graph stay readable). */
  static final int MAX_TARGETS = 500;

  private final KafkaStreams streams;
  private final DetectorConfig detector;

  AccountStateReader(KafkaStreams streams, DetectorConfig detector) {
    this.streams = streams;
    this.detector = detector;
  }

  Map<String, Object> read(String accountId) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("accountId", accountId);
    Profile profile = this.<Profile>kv(TopologyNames.PROFILE_STORE).get(accountId);
    state.put("known", profile != null);
    if (profile != null) {
      state.put("ageBand", profile.getAgeBand().name());
      state.put("createdAt", profile.getCreatedAt().toString());
      state.put("accountAgeDays", round(Duration.between(profile.getCreatedAt(), Instant.now()).toHours() / 24.0));
      state.put("deleted", profile.getDeleted());
    }
    ReadOnlyKeyValueStore<String, byte[]> friendships = kv(TopologyNames.FRIENDSHIP_STORE);
    byte[] friends = friendships.get(accountId);
    state.put("degree", friends == null ? 0 : FriendSetBytes.degree(friends));
    Map<String, ReporterActions> reporters = reporters(accountId);
    List<Map<String, Object>> targets = targets(accountId, reporters);
    List<Map<String, Object>> alerts = alerts(accountId);
    state.put("windows", windows(accountId, latestActivity(targets, alerts)));
    state.put("targets", targets);
    state.put("targetsKnowEachOther", links(targets, friendships));
    state.put("reports", reports(reporters));
    state.put("alerts", alerts);
    VerdictState verdict = this.<VerdictState>kv(TopologyNames.REVIEW_VERDICTS_STORE).get(accountId);
    if (verdict != null) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("verdict", verdict.getVerdict().toString());
      v.put("at", Instant.ofEpochMilli(verdict.getAt()).toString());
      v.put("alertId", verdict.getAlertId());
      state.put("verdict", v);
    }
    return state;
  }

  /** Event time of the account's latest contact or alert; null when it has neither (no open window). */
  private static Instant latestActivity(List<Map<String, Object>> targets, List<Map<String, Object>> alerts) {
    Instant latest = null;
    for (Map<String, Object> entry : targets) {
      Instant at = Instant.parse((String) entry.get("firstContactAt"));
      latest = latest == null || at.isAfter(latest) ? at : latest;
    }
    for (Map<String, Object> entry : alerts) {
      Instant at = Instant.parse((String) entry.get("at"));
      latest = latest == null || at.isAfter(latest) ? at : latest;
    }
    return latest;
  }

  /**
   * The buckets around the account's latest activity, not over all time: a cached window store's
   * fetch walks its time range segment by segment, so a fetch from the epoch took 35-150 ms.
   * Responses can come up to a window after the latest contact; the grace period before it.
   */
  private List<Map<String, Object>> windows(String accountId, Instant latestActivity) {
    List<Map<String, Object>> windows = new ArrayList<>();
    if (latestActivity == null) {
      return windows;
    }
    for (WindowSpec window : detector.windows()) {
      ReadOnlyWindowStore<String, ActivityCounts> store = streams.store(StoreQueryParameters.fromNameAndType(
          TopologyNames.activityStore(window.name()), QueryableStoreTypes.<String, ActivityCounts>windowStore()));
      List<KeyValue<Long, ActivityCounts>> buckets = new ArrayList<>();
      Instant fetchFrom = latestActivity.minus(window.size()).minus(detector.grace()).minusMillis(window.bucketMs());
      Instant fetchTo = latestActivity.plus(window.size());
      try (WindowStoreIterator<ActivityCounts> it = store.fetch(accountId, fetchFrom, fetchTo)) {
        it.forEachRemaining(buckets::add);
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("window", window.name());
      figures.put("size", window.size().toString());
      if (!buckets.isEmpty()) {
        long latest = buckets.stream().mapToLong(b -> b.key).max().orElseThrow();
        long from = latest + window.bucketMs() - window.sizeMs();
        figures.put("from", Instant.ofEpochMilli(Math.max(from, 0)).toString());
        figures.put("to", Instant.ofEpochMilli(latest + window.bucketMs()).toString());
        Map<String, Double> sums = new LinkedHashMap<>();
        for (KeyValue<Long, ActivityCounts> bucket : buckets) {
          if (bucket.key >= from) {
            addNumbers(bucket.value, sums);
          }
        }
        sums.forEach((name, sum) -> figures.put(name, round(sum)));
      }
      windows.add(figures);
    }
    return windows;
  }

  /** Adds every numeric field of the record to the sums (the window's figures are sums of its buckets). */
  private static void addNumbers(ActivityCounts counts, Map<String, Double> sums) {
    for (Schema.Field field : counts.getSchema().getFields()) {
      Object value = counts.get(field.pos());
      if (value instanceof Number number) {
        sums.merge(field.name(), number.doubleValue(), Double::sum);
      }
    }
  }

  private Map<String, ReporterActions> reporters(String accountId) {
    ReportsReceived received = this.<ReportsReceived>kv(TopologyNames.SAFETY_REPORTS_STORE).get(accountId);
    Map<String, ReporterActions> byReporter = new LinkedHashMap<>();
    if (received != null) {
      received.getReporters().forEach(r -> byReporter.put(r.getReporterId(), r));
    }
    return byReporter;
  }

  private List<Map<String, Object>> targets(String accountId, Map<String, ReporterActions> reporters) {
    ReadOnlyKeyValueStore<String, TargetEntry> store = kv(TopologyNames.SENDER_TARGETS_STORE);
    List<Map<String, Object>> targets = new ArrayList<>();
    try (KeyValueIterator<String, TargetEntry> it = store.prefixScan(SenderActivity.targetKey(accountId, ""),
        new StringSerializer())) {
      while (it.hasNext() && targets.size() < MAX_TARGETS) {
        TargetEntry entry = it.next().value;
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", entry.getTargetId());
        target.put("firstContactAt", Instant.ofEpochMilli(entry.getFirstContactAt()).toString());
        target.put("minor", entry.getMinor());
        target.put("ageBand", String.valueOf(entry.getAgeBand()));
        target.put("degree", entry.getDegree());
        target.put("degreePercentile", round(entry.getDegreePercentile()));
        target.put("aboveUpperQuartile", entry.getAboveUpperQuartile());
        target.put("mutualFriends", entry.getMutualFriends());
        target.put("requested", entry.getRequested());
        target.put("messaged", entry.getMessaged());
        target.put("accepted", entry.getAccepted());
        target.put("declined", entry.getDeclined());
        target.put("removed", entry.getRemoved());
        target.put("escalated", entry.getEscalated());
        ReporterActions acted = reporters.get(entry.getTargetId());
        target.put("blocked", acted != null && acted.getBlocked());
        target.put("reported", acted != null && acted.getReportCategory() != null);
        targets.add(target);
      }
    }
    targets.sort(java.util.Comparator.comparing(t -> (String) t.get("firstContactAt")));
    return targets;
  }

  /** Pairs of targets that are friends, as far as this instance holds the targets' friend lists. */
  private static List<List<String>> links(List<Map<String, Object>> targets, ReadOnlyKeyValueStore<String, byte[]> friendships) {
    Set<String> ids = new HashSet<>();
    targets.forEach(t -> ids.add((String) t.get("id")));
    List<List<String>> links = new ArrayList<>();
    for (String id : ids) {
      byte[] bytes = friendships.get(id);
      if (bytes == null) {
        continue;
      }
      for (Friend friend : FriendSetBytes.decode(bytes).getFriends()) {
        if (ids.contains(friend.getId()) && id.compareTo(friend.getId()) < 0) {
          links.add(List.of(id, friend.getId()));
        }
      }
    }
    return links;
  }

  private static List<Map<String, Object>> reports(Map<String, ReporterActions> reporters) {
    List<Map<String, Object>> reports = new ArrayList<>();
    for (ReporterActions r : reporters.values()) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("reporterId", r.getReporterId());
      report.put("blocked", r.getBlocked());
      report.put("category", r.getReportCategory() == null ? null : r.getReportCategory().name());
      report.put("at", Instant.ofEpochMilli(r.getLastActionAt()).toString());
      reports.add(report);
    }
    return reports;
  }

  private List<Map<String, Object>> alerts(String accountId) {
    AlertHistory history = this.<AlertHistory>kv(TopologyNames.ALERT_HISTORY_STORE).get(accountId);
    List<Map<String, Object>> alerts = new ArrayList<>();
    if (history != null) {
      for (AlertRecord record : history.getRecentAlerts()) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alertId", record.getAlertId());
        alert.put("at", Instant.ofEpochMilli(record.getAt()).toString());
        alert.put("severity", record.getSeverity().name());
        alert.put("minors", record.getMinors());
        alerts.add(alert);
      }
    }
    return alerts;
  }

  private <V> ReadOnlyKeyValueStore<String, V> kv(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

}
