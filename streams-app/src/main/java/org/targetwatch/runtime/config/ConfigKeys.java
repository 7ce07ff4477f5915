package org.targetwatch.runtime.config;

import static org.targetwatch.runtime.config.ConfigType.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.targetwatch.registry.RegistryConfigKeys;
import org.targetwatch.scoring.Thresholds;
import org.targetwatch.topology.DetectorConfig;

/**
 * Every configuration key of {@code run} and {@code demo}: name, type, default and documentation,
 * in this one place. {@code docs/operations.md} lists them (a test fails when one is missing there).
 * Kafka client and Streams settings not listed here pass through with the {@code kafka.} prefix.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** Keys starting with this pass through to the Kafka clients and Kafka Streams, prefix removed. */
  public static final String KAFKA_PREFIX = "kafka.";

  private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();
  private static final DetectorConfig DETECTOR = DetectorConfig.defaults();
  private static final Thresholds THRESHOLDS = Thresholds.defaults();
  private static final org.targetwatch.campaigns.CampaignConfig CAMPAIGNS = org.targetwatch.campaigns.CampaignConfig.defaults();

  // ---- the application and its cluster
  public static final ConfigKey APPLICATION_ID = key("application.id", STRING, "targetwatch", "Kafka Streams",
      "Kafka Streams application id: the consumer group, the prefix of internal topics and state. Must stay the same across upgrades.",
      v -> ((String) v).matches("[A-Za-z0-9._-]+") ? null : "only letters, digits, '.', '_' and '-' are allowed");
  public static final ConfigKey BOOTSTRAP_SERVERS = key("bootstrap.servers", STRING, null, "Kafka Streams",
      "Kafka brokers to connect to, host:port[,host:port...]. Required.", notBlank());
  public static final ConfigKey STATE_DIR = key("state.dir", STRING,
      System.getProperty("java.io.tmpdir") + "/kafka-streams", "Kafka Streams",
      "Local state: the RocksDB stores when state.stores is rocksdb (keep it on a persistent volume to avoid restoring "
          + "from changelogs), and Kafka Streams' checkpoint and lock files with either kind.", notBlank());
  /** The value of {@link #STATE_STORES} that keeps every store on the heap. */
  public static final String IN_MEMORY_STORES = "in-memory";
  public static final ConfigKey STATE_STORES = key("state.stores", STRING, "rocksdb", "Kafka Streams",
      "Where each task keeps its state: rocksdb (on disk under state.dir, memory bounded) or in-memory (on the heap: "
          + "about 2 KB an account after 2 days, up to 10 KB with the long window full, restored from the changelogs at "
          + "every start). Both are backed by the same changelogs; docs/operations.md, \"State stores\".",
      v -> List.of("rocksdb", IN_MEMORY_STORES).contains(v) ? null : "must be rocksdb or in-memory");
  public static final ConfigKey NUM_STREAM_THREADS = key("num.stream.threads", INT, "1", "Kafka Streams",
      "Stream threads in this instance; tasks (one per input partition) are spread over the threads of all instances.", atLeast(1));
  public static final ConfigKey PROCESSING_GUARANTEE = key("kafka.processing.guarantee", STRING, "exactly_once_v2",
      "Kafka Streams", "exactly_once_v2 (alerts are transactional: read them with isolation.level=read_committed) or at_least_once.",
      v -> List.of("exactly_once_v2", "at_least_once").contains(v) ? null : "must be exactly_once_v2 or at_least_once");
  public static final ConfigKey NUM_STANDBY_REPLICAS = key("kafka.num.standby.replicas", INT, "1", "Kafka Streams",
      "Warm copies of each task's state on other instances, for fast fail-over.", atLeast(0));
  public static final ConfigKey SHUTDOWN_TIMEOUT = key("shutdown.timeout", DURATION, "30s", "Kafka Streams",
      "How long a shutdown (SIGTERM) waits for Kafka Streams to commit and close.", positive());

  // ---- topics
  public static final ConfigKey TOPIC_PROFILES = key("topic.profiles", STRING, DETECTOR.profilesTopic(), "Topics",
      "Input: profiles (compacted, key accountId).", notBlank());
  public static final ConfigKey TOPIC_FRIEND_REQUESTS = key("topic.friend.requests", STRING, DETECTOR.friendRequestsTopic(),
      "Topics", "Input: friend-request events (key senderId).", notBlank());
  public static final ConfigKey TOPIC_MESSAGES = key("topic.messages", STRING, DETECTOR.messagesTopic(), "Topics",
      "Input: message events, metadata only (key senderId).", notBlank());
  public static final ConfigKey TOPIC_SAFETY_REPORTS = key("topic.safety.reports", STRING, DETECTOR.safety().reportsTopic(),
      "Topics", "Input: blocks, unblocks and reports (key reportedId: the account acted against).", notBlank());
  public static final ConfigKey TOPIC_REVIEW_VERDICTS = key("topic.review.verdicts", STRING, DETECTOR.safety().verdictsTopic(),
      "Topics", "Input: reviewers' verdicts CONFIRMED / CLEARED / REOPENED (key accountId).", notBlank());
  public static final ConfigKey TOPIC_ALERTS = key("topic.alerts", STRING, DETECTOR.alertsTopic(), "Topics",
      "Output: alerts (key accountId).", notBlank());
  public static final ConfigKey TOPIC_DEAD_LETTERS = key("topic.dead.letters", STRING, "targetwatch-dead-letters", "Topics",
      "Records that cannot be read or break the event contract, with the reason in __streams.errors.* headers.", notBlank());
  public static final ConfigKey CREATE_TOPICS = key("create.topics", BOOLEAN, "false", "Topics",
      "Create the alert and dead-letter topics at start if missing (with the input topics' partition count). Input topics are never created.", null);
  public static final ConfigKey TOPIC_REPLICATION_FACTOR = key("topic.replication.factor", INT, "-1", "Topics",
      "Replication factor of topics created by create.topics; -1 takes the broker's default.",
      v -> ((Integer) v) == -1 || ((Integer) v) >= 1 ? null : "must be -1 or at least 1");

  // ---- HTTP
  public static final ConfigKey HTTP_PORT = key("http.port", INT, "8080", "HTTP",
      "Port of /health/live, /health/ready and /metrics; 0 picks a free port.",
      v -> ((Integer) v) >= 0 && ((Integer) v) <= 65535 ? null : "must be a port number 0..65535");
  public static final ConfigKey HTTP_HOST = key("http.host", STRING, "0.0.0.0", "HTTP",
      "Address the HTTP endpoint listens on.", notBlank());

  // ---- the investigation console (docs/operations.md, "The investigation console")
  public static final ConfigKey CONSOLE_ENABLED = key("console.enabled", BOOLEAN, "false", "Console",
      "Serve the investigation console (alert queue, alert detail, account lookup, verdicts); needs console.token or console.basic.user and console.basic.password.", null);
  public static final ConfigKey CONSOLE_HOST = key("console.host", STRING, "127.0.0.1", "Console",
      "Address the console listens on; put a TLS-terminating proxy in front of it when it is not loopback.", notBlank());
  public static final ConfigKey CONSOLE_PORT = key("console.port", INT, "8081", "Console",
      "Port of the console; 0 picks a free port. With several instances, kafka.application.server must name this host:port.",
      v -> ((Integer) v) >= 0 && ((Integer) v) <= 65535 ? null : "must be a port number 0..65535");
  public static final ConfigKey CONSOLE_TOKEN = key("console.token", PASSWORD, null, "Console",
      "Bearer token of the console (Authorization: Bearer, or ?token= once for a browser session); also authenticates the instances to each other. At least 16 characters.",
      v -> ((String) v).strip().length() >= 16 ? null : "must be at least 16 characters");
  public static final ConfigKey CONSOLE_BASIC_USER = key("console.basic.user", STRING, null, "Console",
      "User name for basic authentication; it is the reviewer id written with verdicts and in the audit log (an opaque id).",
      v -> ((String) v).matches("[A-Za-z0-9._-]+") ? null : "only letters, digits, '.', '_' and '-' are allowed (an opaque id)");
  public static final ConfigKey CONSOLE_BASIC_PASSWORD = key("console.basic.password", PASSWORD, null, "Console",
      "Password for basic authentication. At least 12 characters.",
      v -> ((String) v).length() >= 12 ? null : "must be at least 12 characters");
  public static final ConfigKey CONSOLE_REVIEWER_ID = key("console.reviewer.id", STRING, "reviewer-token", "Console",
      "Opaque reviewer id recorded for sign-ins with console.token (basic sign-ins record their user name).",
      v -> ((String) v).matches("[A-Za-z0-9._-]+") ? null : "only letters, digits, '.', '_' and '-' are allowed (an opaque id)");
  public static final ConfigKey CONSOLE_AUDIT_FILE = key("console.audit.file", STRING, "", "Console",
      "File the audit log (every verdict and account lookup: who, what, when; ids only) is appended to as JSON lines; empty: only the logger targetwatch.audit.", null);

  // ---- detection (docs/detection.md gives each default and why)
  public static final ConfigKey BURST_WINDOW = key("detector.burst.window", DURATION, duration(DETECTOR.burstWindow().size()),
      "Detection", "Length of the burst window.", positive());
  public static final ConfigKey BURST_BUCKETS = key("detector.burst.buckets", INT, "" + DETECTOR.burstWindow().buckets(),
      "Detection", "Buckets the burst window is cut into (it slides one bucket at a time).", atLeast(1));
  public static final ConfigKey LONG_WINDOW = key("detector.long.window", DURATION, duration(DETECTOR.longWindow().size()),
      "Detection", "Length of the long (slow-and-low) window; all state expires with it.", positive());
  public static final ConfigKey LONG_BUCKETS = key("detector.long.buckets", INT, "" + DETECTOR.longWindow().buckets(),
      "Detection", "Buckets the long window is cut into.", atLeast(1));
  public static final ConfigKey GRACE = key("detector.grace", DURATION, duration(DETECTOR.grace()), "Detection",
      "How late an event may arrive and still count in its window.", null);
  public static final ConfigKey RESEQUENCE_MAX_WAIT = key("detector.resequence.max.wait", DURATION,
      duration(DETECTOR.resequenceMaxWait()), "Detection",
      "How long (stream time) an account's windows wait for a contact or response still on its way from another partition before applying those that came back after it (counted in targetwatch_resequence_gaps_waited_past_total).", null);
  public static final ConfigKey FUTURE_TOLERANCE = key("detector.future.tolerance", DURATION, duration(DETECTOR.futureTolerance()),
      "Detection", "Events further ahead of the wall clock go to the dead-letter topic; 0s turns the check off.", null);
  public static final ConfigKey MAX_TARGETS = key("detector.max.targets.per.window", INT, "" + DETECTOR.maxTargetsPerWindow(),
      "Detection", "Cap on the distinct targets kept per sender in the long window.", atLeast(1));
  public static final ConfigKey MAX_FRIENDS_STORED = key("detector.max.friends.stored", INT, "" + DETECTOR.maxFriendsStored(),
      "Detection", "Cap on the friend ids kept per account (the degree stays exact).", atLeast(1));
  public static final ConfigKey MAX_SENDER_FRIENDS = key("detector.max.sender.friends.carried", INT,
      "" + DETECTOR.maxSenderFriendsCarried(), "Detection",
      "Cap on the sender's friend ids carried to the recipient to count mutual friends.", atLeast(0));
  public static final ConfigKey SAMPLE_TARGETS = key("detector.sample.targets", INT, "" + DETECTOR.sampleTargets(), "Detection",
      "Targeted minors' ids an alert carries as evidence.", atLeast(0));
  public static final ConfigKey COOLDOWN = key("detector.cooldown", DURATION, duration(DETECTOR.cooldown()), "Detection",
      "No second alert for an account at the same or a lower severity within this time.", null);
  public static final ConfigKey MIN_SEVERITY = key("detector.min.severity", SEVERITY, DETECTOR.minSeverity().name(), "Detection",
      "Alerts below this severity are not emitted.", null);
  public static final ConfigKey BURST_MIN_MINORS = key("detector.threshold.burst.min.minors", INT, "" + THRESHOLDS.burstMinMinors(),
      "Detection", "Distinct minors contacted in the burst window before an alert can be MEDIUM or above.", atLeast(2));
  public static final ConfigKey LONG_MIN_MINORS = key("detector.threshold.long.min.minors", INT, "" + THRESHOLDS.longMinMinors(),
      "Detection", "Distinct minors contacted in the long window before an alert can be MEDIUM or above.", atLeast(2));
  public static final ConfigKey YOUNG_ACCOUNT_DAYS = key("detector.threshold.young.account.days", DOUBLE,
      "" + THRESHOLDS.youngAccountDays(), "Detection", "An account is young in proportion to how far it is from this many days old (young_account_few_friends).", null);
  public static final ConfigKey ESTABLISHED_ACCOUNT_DAYS = key("detector.threshold.established.account.days", DOUBLE,
      "" + THRESHOLDS.establishedAccountDays(), "Detection",
      "An account this many days old is fully established (established_age_peer).", null);
  public static final ConfigKey FEW_FRIENDS = key("detector.threshold.few.friends", INT, "" + THRESHOLDS.fewFriends(), "Detection",
      "A sender has few friends in proportion to how far it is from this many (young_account_few_friends).", atLeast(0));
  public static final ConfigKey MIN_ANSWERED = key("detector.threshold.decline.rate.min.requests", INT,
      "" + THRESHOLDS.minAnsweredForDeclineRate(), "Detection", "Requests needed before the decline rate counts.", atLeast(1));
  public static final ConfigKey EVIDENCE_MODEL = key("detector.evidence.model", STRING, "", "Detection",
      "A properties file with the evidence model's weights (docs/detection.md, Evidence); empty: the model built in.", null);
  public static final ConfigKey LOW_SCORE = key("detector.severity.low", DOUBLE, "" + THRESHOLDS.lowScore(), "Detection",
      "Score from which an alert is LOW.", share());
  public static final ConfigKey MEDIUM_SCORE = key("detector.severity.medium", DOUBLE, "" + THRESHOLDS.mediumScore(), "Detection",
      "Score from which an alert is MEDIUM.", share());
  public static final ConfigKey HIGH_SCORE = key("detector.severity.high", DOUBLE, "" + THRESHOLDS.highScore(), "Detection",
      "Score from which an alert is HIGH.", share());
  public static final ConfigKey CRITICAL_SCORE = key("detector.severity.critical", DOUBLE, "" + THRESHOLDS.criticalScore(), "Detection",
      "Score from which an alert is CRITICAL.", share());

  // ---- the safety loop: reports and verdicts (docs/detection.md, "Reports and blocks", "Verdicts")
  public static final ConfigKey MAX_REPORTERS = key("detector.max.reporters.per.account", INT,
      "" + DETECTOR.safety().maxReportersPerAccount(), "Detection",
      "Distinct reporters (blocks, reports) kept per reported account; more are counted as dropped (a flood).", atLeast(1));
  public static final ConfigKey CLEARED_FOR = key("detector.cleared.for", DURATION, duration(DETECTOR.safety().clearedFor()),
      "Detection", "How long a CLEARED verdict holds back alerts on the evidence reviewed.", null);
  public static final ConfigKey VERDICT_RETENTION = key("detector.verdict.retention", DURATION,
      duration(DETECTOR.safety().verdictRetention()), "Detection",
      "How long any verdict is kept (CONFIRMED marks later alerts; a verdict may come before the account's events); at least detector.cleared.for.", null);
  public static final ConfigKey CLEARED_GROWTH = key("detector.cleared.growth", DOUBLE, "" + DETECTOR.safety().clearedGrowth(),
      "Detection", "A CLEARED account is alerted again from this many times the distinct minors reviewed (or a higher severity with 1.5 times).",
      v -> ((Double) v) > 1 ? null : "must be above 1");

  // ---- campaigns (stage 4)
  public static final ConfigKey CAMPAIGN_WINDOW = key("campaign.window", DURATION, duration(CAMPAIGNS.window()), "Campaigns",
      "Candidates older than this leave the co-targeting graph.", null);
  public static final ConfigKey CAMPAIGN_MIN_GROUP_SIZE = key("campaign.min.group.size", INT, "" + CAMPAIGNS.minGroupSize(),
      "Campaigns", "Accounts a linked group needs to be a campaign.", atLeast(2));
  public static final ConfigKey CAMPAIGN_MIN_SHARED = key("campaign.min.shared.targets", INT, "" + CAMPAIGNS.minSharedTargets(),
      "Campaigns", "Minors two accounts must both have contacted to be linked.", atLeast(1));
  public static final ConfigKey CAMPAIGN_MAX_CHANCE = key("campaign.max.chance", DOUBLE, "" + CAMPAIGNS.maxChance(), "Campaigns",
      "Two accounts are linked when chance would give their shared minors at most this often.",
      v -> ((Double) v) > 0 && ((Double) v) < 1 ? null : "must be between 0 and 1 (exclusive)");
  public static final ConfigKey CAMPAIGN_MIN_MINORS = key("campaign.min.group.minors", INT, "" + CAMPAIGNS.minGroupMinors(),
      "Campaigns", "Distinct minors a group must have contacted together.", atLeast(1));
  public static final ConfigKey CAMPAIGN_MAX_CANDIDATES = key("campaign.max.candidates", INT, "" + CAMPAIGNS.maxCandidates(),
      "Campaigns", "Candidate accounts kept at most; the oldest leave first (bounds the global task).", atLeast(2));
  public static final ConfigKey CAMPAIGN_MAX_TARGETS = key("campaign.max.targets.per.candidate", INT,
      "" + CAMPAIGNS.maxTargetsPerCandidate(), "Campaigns", "Minors kept per candidate account.", atLeast(1));

  // ---- schema registry: Confluent's key names (RegistryConfigKeys)
  public static final ConfigKey REGISTRY_URL = key(RegistryConfigKeys.URL, STRING, null, "Schema registry",
      "Base URL(s) of a Confluent-compatible schema registry, comma-separated; mock://scope for in-memory. Required.", notBlank());
  public static final ConfigKey REGISTRY_BASIC_SOURCE = key(RegistryConfigKeys.BASIC_AUTH_CREDENTIALS_SOURCE, STRING, null,
      "Schema registry", "USER_INFO (basic.auth.user.info) or URL (user info in the URL).", null);
  public static final ConfigKey REGISTRY_USER_INFO = key(RegistryConfigKeys.BASIC_AUTH_USER_INFO, PASSWORD, null, "Schema registry",
      "Basic-auth credentials user:password.", null);
  public static final ConfigKey REGISTRY_BEARER_SOURCE = key(RegistryConfigKeys.BEARER_AUTH_CREDENTIALS_SOURCE, STRING, null,
      "Schema registry", "STATIC_TOKEN (the only supported source).", null);
  public static final ConfigKey REGISTRY_BEARER_TOKEN = key(RegistryConfigKeys.BEARER_AUTH_TOKEN, PASSWORD, null, "Schema registry",
      "A static bearer token.", null);
  public static final ConfigKey REGISTRY_TRUSTSTORE = key(RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION, STRING, null, "Schema registry",
      "Trust store for an https registry.", null);
  public static final ConfigKey REGISTRY_TRUSTSTORE_PASSWORD = key(RegistryConfigKeys.SSL_TRUSTSTORE_PASSWORD, PASSWORD, null,
      "Schema registry", "Password of the trust store.", null);
  public static final ConfigKey REGISTRY_TRUSTSTORE_TYPE = key(RegistryConfigKeys.SSL_TRUSTSTORE_TYPE, STRING,
      RegistryConfigKeys.DEFAULT_STORE_TYPE, "Schema registry", "JKS or PKCS12.", null);
  public static final ConfigKey REGISTRY_KEYSTORE = key(RegistryConfigKeys.SSL_KEYSTORE_LOCATION, STRING, null, "Schema registry",
      "Client key store for mutual TLS.", null);
  public static final ConfigKey REGISTRY_KEYSTORE_PASSWORD = key(RegistryConfigKeys.SSL_KEYSTORE_PASSWORD, PASSWORD, null,
      "Schema registry", "Password of the key store.", null);
  public static final ConfigKey REGISTRY_KEYSTORE_TYPE = key(RegistryConfigKeys.SSL_KEYSTORE_TYPE, STRING,
      RegistryConfigKeys.DEFAULT_STORE_TYPE, "Schema registry", "JKS or PKCS12.", null);
  public static final ConfigKey REGISTRY_KEY_PASSWORD = key(RegistryConfigKeys.SSL_KEY_PASSWORD, PASSWORD, null, "Schema registry",
      "Password of the private key (defaults to the key store password).", null);
  public static final ConfigKey REGISTRY_REQUEST_TIMEOUT = key(RegistryConfigKeys.REQUEST_TIMEOUT_MS, LONG,
      "" + RegistryConfigKeys.DEFAULT_REQUEST_TIMEOUT_MS, "Schema registry", "Timeout of one registry request, in ms.", atLeastLong(1));
  public static final ConfigKey REGISTRY_CONNECT_TIMEOUT = key(RegistryConfigKeys.CONNECT_TIMEOUT_MS, LONG,
      "" + RegistryConfigKeys.DEFAULT_CONNECT_TIMEOUT_MS, "Schema registry", "Timeout of opening a connection, in ms.", atLeastLong(1));
  public static final ConfigKey REGISTRY_AUTO_REGISTER = key(RegistryConfigKeys.AUTO_REGISTER_SCHEMAS, BOOLEAN,
      "" + RegistryConfigKeys.DEFAULT_AUTO_REGISTER_SCHEMAS, "Schema registry",
      "Whether the alert serializer registers the Alert schema (false: it must be registered already).", null);

  /** The registry keys, handed to {@code RegistryClientConfig.from}. */
  public static final List<ConfigKey> REGISTRY_KEYS = List.of(REGISTRY_URL, REGISTRY_BASIC_SOURCE, REGISTRY_USER_INFO,
      REGISTRY_BEARER_SOURCE, REGISTRY_BEARER_TOKEN, REGISTRY_TRUSTSTORE, REGISTRY_TRUSTSTORE_PASSWORD,
      REGISTRY_TRUSTSTORE_TYPE, REGISTRY_KEYSTORE, REGISTRY_KEYSTORE_PASSWORD, REGISTRY_KEYSTORE_TYPE,
      REGISTRY_KEY_PASSWORD, REGISTRY_REQUEST_TIMEOUT, REGISTRY_CONNECT_TIMEOUT, REGISTRY_AUTO_REGISTER);

  /** Every key, in documentation order. */
  public static List<ConfigKey> all() {
    return List.copyOf(KEYS.values());
  }

  public static Optional<ConfigKey> find(String name) {
    return Optional.ofNullable(KEYS.get(name));
  }

  /** Pass-through keys whose values must not be printed (passwords, JAAS configs, tokens). */
  static boolean looksSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("jaas") || n.contains("secret") || n.contains("token")
        || n.contains("user.info") || n.endsWith(".key");
  }

  private static ConfigKey key(String name, ConfigType type, String defaultValue, String group, String doc,
      Function<Object, String> check) {
    ConfigKey key = new ConfigKey(name, type, defaultValue, group, doc, check == null ? v -> null : check);
    if (KEYS.put(name, key) != null) {
      throw new IllegalStateException("configuration key defined twice: " + name);
    }
    return key;
  }

  private static String duration(java.time.Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toDays() > 0 && d.equals(java.time.Duration.ofDays(d.toDays()))) {
      return d.toDays() + "d";
    }
    if (d.toHours() > 0 && d.equals(java.time.Duration.ofHours(d.toHours()))) {
      return d.toHours() + "h";
    }
    if (d.toMinutes() > 0 && d.equals(java.time.Duration.ofMinutes(d.toMinutes()))) {
      return d.toMinutes() + "m";
    }
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static Function<Object, String> notBlank() {
    return v -> ((String) v).isBlank() ? "must not be empty" : null;
  }

  private static Function<Object, String> atLeast(int min) {
    return v -> ((Integer) v) >= min ? null : "must be at least " + min;
  }

  private static Function<Object, String> atLeastLong(long min) {
    return v -> ((Long) v) >= min ? null : "must be at least " + min;
  }

  private static Function<Object, String> positive() {
    return v -> ((java.time.Duration) v).isZero() ? "must be longer than zero" : null;
  }

  private static Function<Object, String> share() {
    return v -> ((Double) v) >= 0 && ((Double) v) <= 1 ? null : "must be between 0 and 1";
  }

  /** Groups in documentation order, each with its keys. */
  public static Map<String, List<ConfigKey>> byGroup() {
    Map<String, List<ConfigKey>> groups = new LinkedHashMap<>();
    for (ConfigKey key : KEYS.values()) {
      groups.computeIfAbsent(key.group(), g -> new ArrayList<>()).add(key);
    }
    groups.replaceAll((g, keys) -> Collections.unmodifiableList(keys));
    return groups;
  }
}
