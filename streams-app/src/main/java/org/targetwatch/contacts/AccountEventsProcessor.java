package org.targetwatch.contacts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.PeerFriendshipChanged;
import org.targetwatch.schema.internal.Reassessment;
import org.targetwatch.schema.internal.RequestAnswered;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;

/**
 * The processor of stages 1 and 2 at the partition of the account that owns each event: applies
 * profiles and its side of friendship changes to the graph, records responses to its contacts, and
 * sends on what the other account must handle: the other side of a friendship, and each contact
 * that may be cold (the recipient's partition decides, {@link RecipientEnrichment}). Emits records
 * keyed by that other account.
 */
public final class AccountEventsProcessor implements Processor<String, AccountMessage, String, AccountMessage> {
  private final DetectorConfig config;
  private ProcessorContext<String, AccountMessage> context;
  private DetectorStores stores;
  private ContactExtraction extraction;
  private FriendshipSides friendships;

  public AccountEventsProcessor(DetectorConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, AccountMessage> context) {
    this.context = context;
    this.stores = DetectorStores.from(context, config);
    this.extraction = new ContactExtraction(stores.graph(), stores.firstMessages(), stores.activity(),
        stores.recentContacts(), config.longWindow().sizeMs(), config.maxSenderFriendsCarried());
    this.friendships = new FriendshipSides(stores.graph(), stores.activity());
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    if (payload instanceof Profile profile) {
      stores.graph().applyProfile(profile);
    } else if (payload instanceof FriendshipChanged change) {
      PeerFriendshipChanged otherSide = friendships.applyOwnSide(change);
      context.forward(record.withKey(otherSide.getAccountId()).withValue(new AccountMessage(otherSide)));
    } else if (payload instanceof ContactAttempt attempt) {
      // a candidate goes to the recipient's partition; a reassessment travels the same path at the sender's
      extraction.extract(attempt).ifPresent(next -> context.forward(record
          .withKey(next instanceof Reassessment ? attempt.getSenderId() : attempt.getRecipientId())
          .withValue(new AccountMessage(next))));
    } else if (payload instanceof RequestAnswered answer) {
      onRequestAnswered(answer);
    } else if (payload instanceof SafetyReport || payload instanceof ReviewVerdict) {
      // the safety loop is the sender's windows' business: on along the contact path, keyed by
      // the same account, so it stays on this partition and arrives after the contacts before it
      context.forward(record);
    }
    // MessageReceived: written by versions before replies were checked at the recipient; ignored
  }

  private void onRequestAnswered(RequestAnswered answer) {
    if (answer.getDeclined()) { // a cancelled request says nothing about the recipient's response
      stores.activity().recordDeclined(answer.getSenderId(), answer.getRecipientId(), answer.getAt());
    }
  }
}
