package org.targetwatch.contacts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.MessageReceived;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.RequestAnswered;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.windows.SenderActivity;

/**
 * The processor of stages 1 and 2 at each account's own partition: applies profiles and friendship
 * changes to the graph, records responses to the sender's contacts, and passes cold contacts on to
 * their recipient. Emits records keyed by the account that must handle them next.
 */
public final class AccountEventsProcessor implements Processor<String, AccountMessage, String, AccountMessage> {
  private final DetectorConfig config;
  private ProcessorContext<String, AccountMessage> context;
  private DetectorStores stores;
  private ContactExtraction extraction;

  private final DetectorMetrics metrics;

  public AccountEventsProcessor(DetectorConfig config) {
    this(config, DetectorMetrics.NONE);
  }

  public AccountEventsProcessor(DetectorConfig config, DetectorMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, AccountMessage> context) {
    this.context = context;
    this.stores = DetectorStores.from(context, config);
    this.extraction = new ContactExtraction(stores.graph(), stores.receivedFrom(), stores.activity(),
        config.longWindow().sizeMs(), config.maxSenderFriendsCarried());
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    if (payload instanceof Profile profile) {
      stores.graph().applyProfile(profile);
    } else if (payload instanceof FriendshipChanged change) {
      onFriendshipChanged(change, record);
    } else if (payload instanceof ContactAttempt attempt) {
      extraction.extract(attempt).ifPresent(candidate -> {
        metrics.contact();
        context.forward(record.withKey(attempt.getRecipientId()).withValue(new AccountMessage(candidate)));
      });
    } else if (payload instanceof MessageReceived received) {
      extraction.rememberMessage(received);
    } else if (payload instanceof RequestAnswered answer) {
      onRequestAnswered(answer);
    }
  }

  private void onFriendshipChanged(FriendshipChanged change, Record<String, AccountMessage> record) {
    if (!stores.graph().applyFriendshipChange(change)) {
      return;
    }
    String account = change.getAccountId();
    String friend = change.getFriendId();
    SenderActivity activity = stores.activity();
    if (change.getAdded()) {
      // tell the new friend this account's age band, so it knows its own share of minor friends
      PeerAgeBand band = new PeerAgeBand(friend, account, stores.graph().ageBandOf(account));
      context.forward(record.withKey(friend).withValue(new AccountMessage(band)));
      if (change.getInitiatedByAccount()) {
        activity.recordResponse(account, friend, change.getAt(),
            entry -> !entry.getAccepted() && mark(() -> entry.setAccepted(true)),
            counts -> counts.setAccepted(counts.getAccepted() + 1));
      }
    } else {
      activity.recordResponse(account, friend, change.getAt(),
          entry -> !entry.getRemoved() && mark(() -> entry.setRemoved(true)),
          counts -> counts.setRemoved(counts.getRemoved() + 1));
    }
  }

  private void onRequestAnswered(RequestAnswered answer) {
    if (!answer.getDeclined()) {
      return; // a cancelled request says nothing about the recipient's response
    }
    stores.activity().recordResponse(answer.getSenderId(), answer.getRecipientId(), answer.getAt(),
        entry -> !entry.getDeclined() && mark(() -> entry.setDeclined(true)),
        counts -> counts.setDeclined(counts.getDeclined() + 1));
  }

  private static boolean mark(Runnable change) {
    change.run();
    return true;
  }
}
