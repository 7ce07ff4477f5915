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
import org.targetwatch.schema.internal.RequestAnswered;
import org.targetwatch.schema.internal.ResponseKind;
import org.targetwatch.schema.internal.TargetResponse;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.AccountMessages;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.windows.SenderSequence;

/**
 * The processor of stages 1 and 2 at the partition of the account that owns each event: applies
 * profiles and its side of friendship changes to the graph, records responses to its contacts, and
 * sends on what the other account must handle: the other side of a friendship, and each contact
 * that may be cold (the recipient's partition decides, {@link RecipientEnrichment}); and counts
 * each response to a contact this account made (accepted, declined, removed, its escalation) here
 * or sends it along the contact's path ({@link ResponseRouting}). Emits records keyed by that other
 * account. What it sends towards this account's own windows (contacts, responses, escalations,
 * blocks, reports, verdicts) is numbered in the account's sequence, so that the windows apply it in
 * the order it was sent whatever order it comes back in ({@link SenderSequence}).
 */
public final class AccountEventsProcessor implements Processor<String, AccountMessage, String, AccountMessage> {
  private final DetectorConfig config;
  private ProcessorContext<String, AccountMessage> context;
  private DetectorStores stores;
  private ContactExtraction extraction;
  private FriendshipSides friendships;
  private ResponseRouting responses;
  private SenderSequence sequence;

  public AccountEventsProcessor(DetectorConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, AccountMessage> context) {
    this.context = context;
    this.stores = DetectorStores.from(context, config);
    this.extraction = new ContactExtraction(stores.graph(), stores.firstMessages(), stores.recentContacts(),
        config.longWindow().sizeMs(), config.maxSenderFriendsCarried());
    this.friendships = new FriendshipSides(stores.graph());
    this.sequence = stores.sequence();
    this.responses = new ResponseRouting(stores.activity(), stores.recentContacts(), sequence);
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    if (payload instanceof Profile profile) {
      stores.graph().applyProfile(profile);
    } else if (payload instanceof FriendshipChanged change) {
      FriendshipSides.OwnSideApplied applied = friendships.applyOwnSide(change);
      PeerFriendshipChanged otherSide = applied.otherSide();
      context.forward(record.withKey(otherSide.getAccountId()).withValue(AccountMessages.of(otherSide)));
      applied.response().ifPresent(response -> {
        sendResponse(record, response);
        // a message read before this acceptance, though it came after it: the escalation it was
        extraction.escalationReadBeforeItsAcceptance(change).ifPresent(escalation -> sendResponse(record, escalation));
      });
    } else if (payload instanceof ContactAttempt attempt) {
      // a candidate and an escalation both go to the recipient's partition: the contact's path
      extraction.extract(attempt)
          .filter(next -> !(next instanceof TargetResponse escalation) || responses.worthSending(escalation))
          .ifPresent(next -> context.forward(record.withKey(attempt.getRecipientId()).withValue(
              AccountMessages.sequenced(next, sequence.next(attempt.getSenderId(), attempt.getAt())))));
    } else if (payload instanceof RequestAnswered answer && answer.getDeclined()) {
      // a cancelled request says nothing about the recipient's response
      sendResponse(record, ResponsePath.response(answer.getSenderId(), answer.getRecipientId(), ResponseKind.DECLINED,
          answer.getAt()));
    } else if (payload instanceof SafetyReport report) {
      // the safety loop is the sender's windows' business: on along the contact path, keyed by the
      // same account (it stays on this partition), in the account's sequence after the contacts before it
      context.forward(record.withValue(AccountMessages.sequenced(report,
          sequence.next(report.getReportedId(), report.getOccurredAt().toEpochMilli()))));
    } else if (payload instanceof ReviewVerdict verdict) {
      context.forward(record.withValue(AccountMessages.sequenced(verdict,
          sequence.next(verdict.getAccountId(), verdict.getOccurredAt().toEpochMilli()))));
    }
    // MessageReceived: written by versions before replies were checked at the recipient; ignored
  }

  /** Counts the response here when its contact is back, else sends it along the contact's path ({@link ResponseRouting}). */
  private void sendResponse(Record<String, AccountMessage> record, TargetResponse response) {
    if (!responses.countedHere(response) && responses.worthSending(response)) {
      context.forward(record.withKey(ResponsePath.firstHopKey(response)).withValue(
          AccountMessages.sequenced(response, sequence.next(response.getSenderId(), response.getAt()))));
    }
  }
}
