package org.targetwatch.runtime.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One KRaft node in combined mode (controller and broker in one process), assembled from the
 * server classes of {@code kafka_2.13}.
 *
 * <p>This is the only class that touches Kafka's internal server API, which is not a public
 * contract and changes between releases: an upgrade of Kafka starts here. It mirrors what
 * {@code kafka.server.KafkaRaftServer} does, with two differences that matter in-process: the
 * listeners use sockets bound before start ({@link PreboundListeners}) and a fatal fault does not
 * halt the JVM ({@link InProcessFaultHandlers}).
 */
final class CombinedKRaftNode {

  private static final Logger LOG = LoggerFactory.getLogger(CombinedKRaftNode.class);

  private final ControllerServer controller;
  private final BrokerServer broker;

  private CombinedKRaftNode(ControllerServer controller, BrokerServer broker) {
    this.controller = controller;
    this.broker = broker;
  }

  /**
   * Writes {@code meta.properties} and the bootstrap metadata snapshot into an empty log
   * directory, as {@code kafka-storage.sh format} does. A directory formatted by an earlier run
   * is left as it is, so a kept data directory keeps its cluster id and its topics.
   */
  private static void formatIfNew(Path logDirectory) throws Exception {
    if (Files.exists(logDirectory.resolve("meta.properties"))) {
      return;
    }
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(SingleNodeSettings.NODE_ID)
        .setDirectories(List.of(logDirectory.toString()))
        .setMetadataLogDirectory(logDirectory.toString())
        .setControllerListenerName(SingleNodeSettings.CONTROLLER_LISTENER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
  }

  /**
   * Checks the configuration, formats the log directory if it is new, starts the controller, then
   * the broker, and returns once the broker has caught up with the metadata log and been
   * unfenced. Anything already started is stopped again if a step fails.
   */
  static CombinedKRaftNode start(
      Map<String, Object> brokerConfig, InProcessFaultHandlers faultHandlers, PreboundListeners listeners)
      throws Exception {
    // an invalid property fails here, before a kept data directory is formatted
    KafkaConfig config = new KafkaConfig(brokerConfig, false);
    formatIfNew(Path.of(config.metadataLogDir()));
    Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> logDirs =
        KafkaRaftServer.initializeLogDirs(config, LOG, "[embedded broker] ");
    MetaPropertiesEnsemble metaProperties = logDirs._1();
    Metrics metrics = Server.initializeMetrics(config, Time.SYSTEM, metaProperties.clusterId().orElseThrow());
    SharedServer shared = new SharedServer(
        config,
        metaProperties,
        Time.SYSTEM,
        metrics,
        CompletableFuture.completedFuture(QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
        QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
        faultHandlers,
        listeners);

    ControllerServer controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), logDirs._2());
    BrokerServer broker = null;
    try {
      broker = new BrokerServer(shared);
      // the order of KafkaRaftServer: the broker registers with a controller that is already up
      controller.startup();
      broker.startup();
      return new CombinedKRaftNode(controller, broker);
    } catch (RuntimeException e) {
      new CombinedKRaftNode(controller, broker).shutdown();
      throw e;
    }
  }

  /**
   * Stops the broker first (its controlled shutdown asks the controller), then the controller.
   * Both calls return when the component has stopped; neither blocks on a component that never
   * started, which is why {@code awaitShutdown()} is not used here.
   */
  void shutdown() {
    if (broker != null) {
      broker.shutdown();
    }
    controller.shutdown();
  }
}
