package org.targetwatch.contacts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.friendship.StoredFriends;
import org.targetwatch.friendship.MinorDegreeDistribution;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactDropped;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.PeerFriendshipChanged;
import org.targetwatch.schema.internal.Reassessment;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.TargetResponse;
import org.targetwatch.topology.AccountMessages;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.windows.SenderSequence;

/**
 * At the partition of the other account of an event. Stage 1: applies its side of a friendship
 * and answers with its age band. Stage 2, second half: drops a contact that is a reply or between
 * friends ({@link ColdContactCheck}), joins a cold contact with the recipient's profile, degree,
 * degree rank among minors, the friends it shares with the sender and how many of the sender's
 * recent targets it is friends with, then sends it back keyed by
 * the sender. Contacts to deleted accounts are dropped: there is no one to protect and the platform
 * has already acted. The recipient's friends are counted as of the contact's event time: this
 * partition may have handled later friendships of the recipient before the contact got here.
 * Responses to a contact pass through here on the contact's path ({@link ResponsePath}). Each
 * keeps its number in the sender's sequence; a contact that is dropped here goes back as
 * {@link ContactDropped}, so that the sender's windows do not wait for it.
 */
public final class RecipientEnrichment implements Processor<String, AccountMessage, String, AccountMessage> {
  private final DetectorConfig config;
  private final DetectorMetrics metrics;
  private ProcessorContext<String, AccountMessage> context;
  private FriendshipGraph graph;
  private FriendshipSides friendships;
  private ColdContactCheck coldContacts;
  private SenderSequence sequence;

  public RecipientEnrichment(DetectorConfig config) {
    this(config, DetectorMetrics.NONE);
  }

  public RecipientEnrichment(DetectorConfig config, DetectorMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, AccountMessage> context) {
    this.context = context;
    DetectorStores stores = DetectorStores.from(context, config);
    this.graph = stores.graph();
    this.friendships = new FriendshipSides(graph);
    this.coldContacts = new ColdContactCheck(graph, stores.firstMessages());
    this.sequence = stores.sequence();
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    long number = record.value().getSequence();
    if (payload instanceof ContactCandidate candidate) {
      EnrichedContact enriched = coldContacts.isCold(candidate.getAttempt()) ? enrich(candidate) : null;
      String sender = candidate.getAttempt().getSenderId();
      if (enriched != null) {
        metrics.contact();
        context.forward(record.withKey(sender).withValue(AccountMessages.sequenced(enriched, number)));
      } else if (number != AccountMessages.UNSEQUENCED) {
        ContactDropped dropped = new ContactDropped(sender, candidate.getAttempt().getRecipientId(),
            candidate.getAttempt().getAt());
        context.forward(record.withKey(sender).withValue(AccountMessages.sequenced(dropped, number)));
      }
    } else if (payload instanceof TargetResponse response) {
      MinorDegreeDistribution.Snapshot minors = graph.minorDegrees().snapshot();
      response.setPopulationMinorShare(minors.minorShare());
      response.setPopulationUpperQuartile(minors.upperQuartile());
      context.forward(record.withKey(ResponsePath.secondHopKey(response))
          .withValue(AccountMessages.sequenced(response, number)));
    } else if (payload instanceof Reassessment || payload instanceof SafetyReport || payload instanceof ReviewVerdict) {
      // already keyed by its sender (the account reported or reviewed; a reassessment: written by an
      // older version): on to its windows
      context.forward(record);
    } else if (payload instanceof PeerFriendshipChanged side) {
      FriendshipSides.PeerSideApplied applied = friendships.applyPeerSide(side);
      if (applied.answer() != null) {
        context.forward(record.withKey(applied.answer().getAccountId()).withValue(AccountMessages.of(applied.answer())));
      }
      // a response of this account's own (its friendship removed by the other side): into its
      // sequence here, after everything its partition sent its windows before
      applied.response().ifPresent(response -> context.forward(record.withKey(ResponsePath.secondHopKey(response))
          .withValue(AccountMessages.sequenced(response, sequence.next(response.getSenderId(), response.getAt())))));
    } else if (payload instanceof PeerAgeBand band) {
      friendships.applyAgeBand(band); // sent here by versions before the band travelled with the friendship
    }
  }

  EnrichedContact enrich(ContactCandidate candidate) {
    String recipient = candidate.getAttempt().getRecipientId();
    Profile profile = graph.profileOf(recipient);
    if (profile != null && profile.getDeleted()) {
      return null;
    }
    long at = candidate.getAttempt().getAt();
    StoredFriends friends = graph.friendsOf(recipient);
    MinorDegreeDistribution.Snapshot minors = graph.minorDegrees().snapshot();
    int degree = friends.degreeAt(at);
    AgeBand band = profile == null ? AgeBand.UNKNOWN : profile.getAgeBand();
    return EnrichedContact.newBuilder()
        .setAttempt(candidate.getAttempt())
        .setTargetKnown(profile != null)
        .setTargetAgeBand(band)
        .setTargetDegree(degree)
        .setTargetDegreePercentile(graph.degreeRankAmongPeers(minors, band, degree)) // within its own age band
        .setPopulationUpperQuartile(minors.upperQuartile())
        .setPopulationMinorShare(minors.minorShare())
        .setMutualFriends(mutualTies(candidate, friends, at))
        .setRecentTargetsCarried(candidate.getSenderRecentTargets().size())
        .setRecentTargetsKnown(friends.countCommonAt(candidate.getSenderRecentTargets(), at))
        .setSenderTaskDegreeSum(candidate.getSenderTaskDegreeSum())
        .setMinorHomophily(candidate.getSenderTaskMinorHomophily())
        .build();
  }

  /**
   * The sender's trusted friends the recipient shares, and the recipient's own first word: a
   * recipient who wrote to the sender first is no stranger to it (counted as one tie at least).
   */
  private int mutualTies(ContactCandidate candidate, StoredFriends recipientFriends, long at) {
    int mutual = recipientFriends.countCommonAt(candidate.getSenderTrustedFriends(), at);
    return mutual == 0 && coldContacts.recipientWroteFirst(candidate.getAttempt()) ? 1 : mutual;
  }
}
