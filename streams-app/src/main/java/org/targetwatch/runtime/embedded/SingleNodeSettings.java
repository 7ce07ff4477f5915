package org.targetwatch.runtime.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker settings a one-node KRaft cluster needs, written once.
 *
 * <p>Keys are the documented broker configuration names rather than Kafka's internal constant
 * classes, which move between releases.
 */
final class SingleNodeSettings {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String LOOPBACK = "127.0.0.1";

  private SingleNodeSettings() {}

  /**
   * The full broker configuration: our defaults, then the caller's extra properties on top
   * (so a test can, say, shorten the transaction timeout cap).
   */
  static Map<String, Object> brokerConfig(
      Path logDirectory,
      int clientPort,
      int controllerPort,
      int defaultPartitions,
      Map<String, String> extraProperties) {
    Map<String, Object> config = new LinkedHashMap<>();

    // one process is the whole cluster: broker and its own controller quorum of one
    config.put("process.roles", "broker,controller");
    config.put("node.id", Integer.toString(NODE_ID));
    // a static voter set (kraft.version 0) keeps no controller address in the log, so a kept
    // data directory can be restarted on new ephemeral ports
    config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
    config.put("controller.listener.names", CONTROLLER_LISTENER);
    config.put("listeners",
        CLIENT_LISTENER + "://" + LOOPBACK + ":" + clientPort + ","
            + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
    config.put("advertised.listeners", CLIENT_LISTENER + "://" + LOOPBACK + ":" + clientPort);
    config.put("inter.broker.listener.name", CLIENT_LISTENER);
    config.put("listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    config.put("log.dirs", logDirectory.toString());
    config.put("metadata.log.dir", logDirectory.toString());

    // with one broker every internal topic must live with one replica, or the group and
    // transaction coordinators never load and exactly-once hangs
    config.put("num.partitions", Integer.toString(defaultPartitions));
    config.put("default.replication.factor", "1");
    config.put("min.insync.replicas", "1");
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "5");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "5");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");

    // a demo or a test should not wait three seconds for the first rebalance
    config.put("group.initial.rebalance.delay.ms", "0");
    // topics are created on purpose, with their partitions and configs; a typo must fail
    config.put("auto.create.topics.enable", "false");

    // a small footprint on a laptop or a CI runner: the log cleaner would otherwise reserve
    // 128 MiB of heap, and the default thread pools are sized for real servers
    config.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "2");
    config.put("num.recovery.threads.per.data.dir", "1");
    config.put("background.threads", "2");
    config.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    config.put("log.retention.check.interval.ms", "30000");
    // records carry their event time, and what runs here (simulations, tests, the demo's history) is
    // days to months old: the default 7-day time retention would delete it, dead letters and alerts
    // included, at the next retention check, under the application and its readers
    config.put("log.retention.ms", "-1");

    config.putAll(extraProperties);
    return config;
  }
}
