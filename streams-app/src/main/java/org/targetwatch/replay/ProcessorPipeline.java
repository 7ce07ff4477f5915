package org.targetwatch.replay;

import static org.targetwatch.topology.TopologyNames.CAMPAIGN_CANDIDATES_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_SENDER_TOPIC;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.campaigns.CampaignProcessor;
import org.targetwatch.contacts.AccountEventsProcessor;
import org.targetwatch.contacts.RecipientEnrichment;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.windows.SenderWindowsProcessor;
import org.targetwatch.scoring.AssessmentTrace;

/**
 * The detection topology of {@code DetectorTopology} as a synchronous pipeline in one thread: the
 * same intake and processor classes over the same state stores, with the repartition topics as
 * in-memory queues, as one Kafka Streams task would run them with every topic in one partition.
 *
 * <pre>
 * event -> intake -> AccountEventsProcessor -> contacts-by-recipient
 *   -> RecipientEnrichment -> contacts-by-sender -> SenderWindowsProcessor -> alerts
 *                                                     \-> campaign-candidates -> CampaignProcessor -> alerts
 * </pre>
 *
 * The one task owns every account, so the intake's routing keeps every message in place and
 * {@code account-events} stays empty, as under the test driver.
 *
 * Order, as under the test driver: each event is taken (advancing stream time to its event time),
 * turned into its owner's account message by the intake and handled by the account processor, due
 * stream-time punctuators fire, and then the queues are drained to completion before the next
 * event, always taking the record Kafka Streams would take next ({@link TaskQueues}) and firing due
 * punctuators after each record ({@link TaskStreamTime}).
 * Every forwarded record keeps the timestamp its processor gave it (the event time it descends from).
 */
final class ProcessorPipeline implements ReplayEngine {
  private final SourceIntake intake;
  private final ReplayStores stores;
  private final TaskStreamTime streamTime = new TaskStreamTime();
  private final TaskQueues queues;
  private final AccountEventsProcessor accountState;
  private final RaisedAlerts alerts = new RaisedAlerts();
  private final List<Processor<?, ?, ?, ?>> processors;

  ProcessorPipeline(DetectorConfig config) {
    this(config, new ReplayStores(config));
  }

  ProcessorPipeline(DetectorConfig config, ReplayStores stores) {
    this(config, stores, AssessmentTrace.NONE);
  }

  ProcessorPipeline(DetectorConfig config, ReplayStores stores, AssessmentTrace trace) {
    this(config, stores, trace, List.of());
  }

  /**
   * @param hopDelays how long, in stream time, a record takes through each internal topic, by the
   *     partition of its key (as many partitions as delays); none in {@code replay}, see {@link TaskQueues.HopDelay}
   */
  ProcessorPipeline(DetectorConfig config, ReplayStores stores, AssessmentTrace trace, List<Duration> hopDelays) {
    queues = hopDelays.isEmpty() ? new TaskQueues()
        : new TaskQueues(new TaskQueues.HopDelay(hopDelays.stream().mapToLong(Duration::toMillis).toArray(), streamTime));
    intake = new SourceIntake(config);
    this.stores = stores;

    accountState = new AccountEventsProcessor(config);
    RecipientEnrichment recipientEnrichment = new RecipientEnrichment(config);
    SenderWindowsProcessor senderWindows = new SenderWindowsProcessor(config, trace);
    CampaignProcessor campaigns = new CampaignProcessor(config);
    processors = List.of(accountState, recipientEnrichment, senderWindows, campaigns);

    InternalTopic<AccountMessage> contactsByRecipient =
        new InternalTopic<>(CONTACTS_BY_RECIPIENT_TOPIC, recipientEnrichment, queues);
    InternalTopic<AccountMessage> contactsBySender =
        new InternalTopic<>(CONTACTS_BY_SENDER_TOPIC, senderWindows, queues);
    InternalTopic<CampaignCandidate> campaignCandidates =
        new InternalTopic<>(CAMPAIGN_CANDIDATES_TOPIC, campaigns, queues);

    accountState.init(new StageContext<>(stores, streamTime, contactsByRecipient::append));
    recipientEnrichment.init(new StageContext<>(stores, streamTime, contactsBySender::append));
    senderWindows.init(new StageContext<>(stores, streamTime, record -> {
      // the topology's two flatMapValues after sender-windows: alerts out, candidates on to stage 4
      if (record.value() instanceof Alert alert) {
        alerts.add(alert);
      } else if (record.value() instanceof CampaignCandidate candidate) {
        campaignCandidates.append(record.withValue(candidate));
      }
    }));
    campaigns.init(new StageContext<>(stores, streamTime, record -> alerts.add(record.value())));
  }

  @Override
  public void process(SpecificRecord event) {
    long timestamp = SourceIntake.timestampOf(event);
    if (timestamp < 0) {
      return;
    }
    streamTime.observe(timestamp);
    for (KeyValue<String, AccountMessage> message : intake.messagesOf(event)) {
      accountState.process(new Record<>(message.key, message.value, timestamp));
    }
    streamTime.punctuateDue();
    while (queues.processNext(streamTime)) {
      streamTime.punctuateDue();
    }
  }

  @Override
  public void finishInput() {
    while (queues.processNextAtEnd(streamTime)) {
      streamTime.punctuateDue();
    }
  }

  @Override
  public List<Alert> takeAlerts() {
    return alerts.take();
  }

  @Override
  public StateSize stateSize() {
    return stores.size();
  }

  @Override
  public void close() {
    processors.forEach(Processor::close);
    stores.close();
  }
}
