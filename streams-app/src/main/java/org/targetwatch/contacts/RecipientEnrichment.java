package org.targetwatch.contacts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.friendship.FriendSets;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.friendship.MinorDegreeDistribution;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;

/**
 * Stage 2, second half, at the recipient's partition: joins a cold contact with the recipient's
 * profile, degree, degree rank among minors and the friends it shares with the sender, then sends
 * it back keyed by the sender. Contacts to deleted accounts are dropped: there is no one to protect
 * and the platform has already acted.
 */
public final class RecipientEnrichment implements Processor<String, AccountMessage, String, AccountMessage> {
  private final DetectorConfig config;
  private ProcessorContext<String, AccountMessage> context;
  private FriendshipGraph graph;

  public RecipientEnrichment(DetectorConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, AccountMessage> context) {
    this.context = context;
    this.graph = DetectorStores.from(context, config).graph();
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    if (payload instanceof ContactCandidate candidate) {
      EnrichedContact enriched = enrich(candidate);
      if (enriched != null) {
        String sender = candidate.getAttempt().getSenderId();
        context.forward(record.withKey(sender).withValue(new AccountMessage(enriched)));
      }
    } else if (payload instanceof PeerAgeBand band) {
      graph.applyFriendAgeBand(band.getAccountId(), band.getFriendId(), band.getFriendAgeBand());
    }
  }

  EnrichedContact enrich(ContactCandidate candidate) {
    String recipient = candidate.getAttempt().getRecipientId();
    Profile profile = graph.profileOf(recipient);
    if (profile != null && profile.getDeleted()) {
      return null;
    }
    FriendSet friends = graph.friendsOf(recipient);
    MinorDegreeDistribution.Snapshot minors = graph.minorDegrees().snapshot();
    int degree = friends.getDegree();
    return EnrichedContact.newBuilder()
        .setAttempt(candidate.getAttempt())
        .setTargetKnown(profile != null)
        .setTargetAgeBand(profile == null ? AgeBand.UNKNOWN : profile.getAgeBand())
        .setTargetDegree(degree)
        .setTargetDegreePercentile(minors.percentileOf(degree))
        .setPopulationUpperQuartile(minors.upperQuartile())
        .setPopulationMinorShare(minors.minorShare())
        .setMutualFriends(FriendSets.countCommon(candidate.getSenderTrustedFriends(), friends))
        .build();
  }
}
