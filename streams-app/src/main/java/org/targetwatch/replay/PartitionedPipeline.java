package org.targetwatch.replay;

import static org.targetwatch.topology.TopologyNames.CAMPAIGN_CANDIDATES_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_SENDER_TOPIC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.campaigns.CampaignProcessor;
import org.targetwatch.contacts.AccountEventsProcessor;
import org.targetwatch.contacts.RecipientEnrichment;
import org.targetwatch.intake.AccountPartitioner;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.windows.SenderWindowsProcessor;

/**
 * The detection topology as a deployment with {@code N} partitions runs it, in one thread: one
 * task per partition of the account sub-topology, each with its own stores, stream time and queues
 * (so each keeps its own histogram of minors' degrees, its own share of minors and its own sum of
 * degrees, as a live task does), and the campaign stage as the one task of its own sub-topology.
 * What a live cluster adds to that, partitions progressing unevenly, is left out: every record is
 * taken in event-time order across all tasks, as if every partition moved at the same pace.
 *
 * <pre>
 * event -> the task of its key's partition: intake -> AccountEventsProcessor
 *   -> contacts-by-recipient, to the task of the recipient's partition -> RecipientEnrichment
 *   -> contacts-by-sender, to the task of the sender's partition -> SenderWindowsProcessor -> alerts
 *        \-> campaign-candidates -> the campaign task: CampaignProcessor -> alerts
 * </pre>
 *
 * Order: each event is taken by the task of its partition (advancing that task's stream time) and
 * handled there; then, until every queue is empty, the record with the lowest timestamp among all
 * tasks' next records is taken by its task (ties: the lower partition, the campaign task last),
 * each task choosing among its own queues as {@link TaskQueues} does; due stream-time punctuators
 * fire after each record, in the task that took it.
 */
final class PartitionedPipeline implements ReplayEngine {
  private final SourceIntake intake;
  private final AccountPartitioner partitioner;
  private final List<AccountTask> accountTasks = new ArrayList<>();
  private final CampaignTask campaignTask;
  private final RaisedAlerts alerts = new RaisedAlerts();

  PartitionedPipeline(DetectorConfig config, int partitions, AssessmentTrace trace) {
    if (partitions < 1) {
      throw new IllegalArgumentException("the partition count must be at least 1, was " + partitions);
    }
    intake = new SourceIntake(config);
    partitioner = new AccountPartitioner(partitions);
    campaignTask = new CampaignTask(config, alerts::add);
    for (int partition = 0; partition < partitions; partition++) {
      accountTasks.add(new AccountTask(config, partition, partitions, trace));
    }
    accountTasks.forEach(task -> task.connect(this));
  }

  private AccountTask taskOf(String account) {
    return accountTasks.get(partitioner.partitionOf(account));
  }

  @Override
  public void process(SpecificRecord event) {
    long timestamp = SourceIntake.timestampOf(event);
    if (timestamp < 0) {
      return;
    }
    List<KeyValue<String, AccountMessage>> messages = intake.messagesOf(event);
    if (messages.isEmpty()) {
      // the intake rejected it (logged): nothing reaches a task, as nothing reaches a processor live
      return;
    }
    AccountTask task = taskOf(SourceIntake.keyOf(event));
    task.streamTime.observe(timestamp);
    for (KeyValue<String, AccountMessage> message : messages) {
      // the owner is the source topic's key: each message belongs to the task that read the event
      task.accountState.process(new Record<>(message.key, message.value, timestamp));
    }
    task.streamTime.punctuateDue();
    while (processNextAmongTasks()) {
      // each record may write more: drain everything this event caused
    }
  }

  /** Takes the lowest-timestamp record among every task's next one; false when every queue is empty. */
  private boolean processNextAmongTasks() {
    Task next = null;
    long lowest = Long.MAX_VALUE;
    for (AccountTask task : accountTasks) {
      long timestamp = task.queues.nextTimestamp();
      if (timestamp < lowest) {
        lowest = timestamp;
        next = task;
      }
    }
    if (campaignTask.queues.nextTimestamp() < lowest) {
      next = campaignTask;
    }
    if (next == null) {
      return false;
    }
    next.queues.processNext(next.streamTime);
    next.streamTime.punctuateDue();
    return true;
  }

  @Override
  public List<Alert> takeAlerts() {
    return alerts.take();
  }

  @Override
  public StateSize stateSize() {
    Map<String, Long> entries = new LinkedHashMap<>();
    long diskBytes = 0;
    for (Task task : allTasks()) {
      StateSize size = task.stores.size();
      size.entriesPerStore().forEach((store, count) -> entries.merge(store, count, Long::sum));
      diskBytes += size.diskBytes();
    }
    return new StateSize(entries, diskBytes);
  }

  @Override
  public void close() {
    allTasks().forEach(Task::close);
  }

  private List<Task> allTasks() {
    List<Task> all = new ArrayList<>(accountTasks);
    all.add(campaignTask);
    return all;
  }

  /** What each task has of its own: stores, stream time and the queues of the topics it reads. */
  private abstract static class Task {
    final ReplayStores stores;
    final TaskStreamTime streamTime = new TaskStreamTime();
    final TaskQueues queues = new TaskQueues();

    Task(DetectorConfig config) {
      stores = new ReplayStores(config);
    }

    abstract void close();
  }

  /** A task of the account sub-topology: the accounts of one partition. */
  private final class AccountTask extends Task {
    private final TaskId id;
    final AccountEventsProcessor accountState;
    private final RecipientEnrichment recipientEnrichment;
    private final SenderWindowsProcessor senderWindows;
    private final InternalTopic<AccountMessage> contactsByRecipient;
    private final InternalTopic<AccountMessage> contactsBySender;

    AccountTask(DetectorConfig config, int partition, int partitions, AssessmentTrace trace) {
      super(config);
      id = new TaskId(0, partition);
      accountState = new AccountEventsProcessor(config);
      recipientEnrichment = new RecipientEnrichment(config);
      senderWindows = new SenderWindowsProcessor(config, trace, DetectorMetrics.NONE, partitions);
      contactsByRecipient = new InternalTopic<>(CONTACTS_BY_RECIPIENT_TOPIC, recipientEnrichment, queues);
      contactsBySender = new InternalTopic<>(CONTACTS_BY_SENDER_TOPIC, senderWindows, queues);
    }

    /** Wires this task's processors to the topics of the tasks their records are keyed to. */
    void connect(PartitionedPipeline pipeline) {
      accountState.init(new StageContext<>(stores, streamTime,
          record -> pipeline.taskOf(record.key()).contactsByRecipient.append(record), id));
      recipientEnrichment.init(new StageContext<>(stores, streamTime,
          record -> pipeline.taskOf(record.key()).contactsBySender.append(record), id));
      senderWindows.init(new StageContext<>(stores, streamTime, record -> {
        // the topology's two flatMapValues after sender-windows: alerts out, candidates on to stage 4
        if (record.value() instanceof Alert alert) {
          pipeline.alerts.add(alert);
        } else if (record.value() instanceof CampaignCandidate candidate) {
          pipeline.campaignTask.campaignCandidates.append(record.withValue(candidate));
        }
      }, id));
    }

    @Override
    void close() {
      accountState.close();
      recipientEnrichment.close();
      senderWindows.close();
      stores.close();
    }
  }

  /** The campaign sub-topology's one task (its topic has one partition). */
  private static final class CampaignTask extends Task {
    private final CampaignProcessor campaigns;
    final InternalTopic<CampaignCandidate> campaignCandidates;

    CampaignTask(DetectorConfig config, java.util.function.Consumer<Alert> alerts) {
      super(config);
      campaigns = new CampaignProcessor(config);
      campaignCandidates = new InternalTopic<>(CAMPAIGN_CANDIDATES_TOPIC, campaigns, queues);
      campaigns.init(new StageContext<>(stores, streamTime, record -> alerts.accept(record.value()), new TaskId(1, 0)));
    }

    @Override
    void close() {
      campaigns.close();
      stores.close();
    }
  }
}
