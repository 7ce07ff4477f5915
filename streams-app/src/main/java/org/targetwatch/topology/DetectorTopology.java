package org.targetwatch.topology;

import static org.targetwatch.topology.TopologyNames.*;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

import org.targetwatch.campaigns.CampaignProcessor;
import org.targetwatch.schema.internal.CampaignCandidate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.targetwatch.contacts.AccountEventsProcessor;
import org.targetwatch.contacts.RecipientEnrichment;
import org.targetwatch.intake.EventIntake;
import org.targetwatch.intake.EventTimeExtractor;
import org.targetwatch.intake.OwnerRouting;
import org.targetwatch.intake.RoutedMessage;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.serde.InternalAvroSerde;
import org.targetwatch.windows.SenderWindowsProcessor;

/**
 * Builds the detection topology of DESIGN.md, the same one for {@code run}, {@code demo} and
 * {@code replay}:
 *
 * <pre>
 * profiles, friend-requests, messages, safety-reports, review-verdicts
 *   -> intake (validate; one message for the account that owns the event: profile's account, sender)
 *   -> intake-routing: owned by this task? ---------------------------------\
 *        \-> otherwise (another partitioner, another key) -> repartition account-events -> account-state
 *   -> account-state (stage 1 graph state; stage 2 contact extraction at the owner; the other side
 *        of a friendship sent on)                                   -> repartition contacts-by-recipient
 *   -> recipient-enrichment (the other side of friendships; reply and friendship checks; profile,
 *        degree, rank, mutual friends)                              -> repartition contacts-by-sender
 *   -> sender-windows (stage 3 windows, signals, score; stage 5 cool-down) -> alerts
 *        \-> campaign candidates -> repartition campaign-candidates (1 partition)
 *              -> campaigns (stage 4: co-targeting graph, one global task)       -> alerts
 * </pre>
 *
 * The three account-keyed processors share the account stores, so Kafka Streams runs them, with
 * the intake, in one sub-topology whose tasks own all state of their accounts: task p reads
 * partition p of the inputs and of the three account topics.
 */
public final class DetectorTopology {
  private DetectorTopology() {}

  private static Repartitioned<String, AccountMessage> accountKeyed(String name, Serde<String> keys,
      Serde<AccountMessage> messages, int partitions) {
    Repartitioned<String, AccountMessage> repartitioned =
        Repartitioned.<String, AccountMessage>as(name).withKeySerde(keys).withValueSerde(messages);
    return partitions > 0 ? repartitioned.withNumberOfPartitions(partitions) : repartitioned;
  }


  /** A branch's name as {@code split} wants it: what follows the split's own name. */
  private static String routeSuffix(String routeName) {
    return routeName.substring(INTAKE_ROUTES.length());
  }

  /** The topology with every topic in one partition, as under a test driver. */
  public static Topology build(DetectorConfig config, EventSerdes serdes, Clock clock, boolean inMemoryStores) {
    return build(config, serdes, clock, inMemoryStores, 1, DetectorMetrics.NONE);
  }

  /**
   * @param partitions the input topics' partition count, given to the three account-keyed
   *     repartition topics explicitly so that they are co-partitioned with the inputs and with each
   *     other whatever Kafka Streams would derive through the loop between them, and used to tell
   *     which intake messages this task owns; 0 when unknown: Kafka Streams derives the counts and
   *     every intake message goes through {@code account-events}
   */
  public static Topology build(DetectorConfig config, EventSerdes serdes, Clock clock, boolean inMemoryStores,
      int partitions, DetectorMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> keys = Serdes.String();
    Serde<AccountMessage> messages = InternalAvroSerde.of(AccountMessage.class);
    EventIntake intake = new EventIntake(clock, config.futureTolerance());
    EventTimeExtractor eventTime = new EventTimeExtractor();

    KStream<String, Profile> profiles = builder.stream(config.profilesTopic(),
        Consumed.with(keys, serdes.profile()).withTimestampExtractor(eventTime).withName(PROFILES_SOURCE));
    KStream<String, FriendRequestEvent> requests = builder.stream(config.friendRequestsTopic(),
        Consumed.with(keys, serdes.friendRequest()).withTimestampExtractor(eventTime).withName(FRIEND_REQUESTS_SOURCE));
    KStream<String, MessageEvent> directMessages = builder.stream(config.messagesTopic(),
        Consumed.with(keys, serdes.message()).withTimestampExtractor(eventTime).withName(MESSAGES_SOURCE));
    KStream<String, SafetyReport> safetyReports = builder.stream(config.safety().reportsTopic(),
        Consumed.with(keys, serdes.safetyReport()).withTimestampExtractor(eventTime).withName(SAFETY_REPORTS_SOURCE));
    KStream<String, ReviewVerdict> reviewVerdicts = builder.stream(config.safety().verdictsTopic(),
        Consumed.with(keys, serdes.reviewVerdict()).withTimestampExtractor(eventTime).withName(REVIEW_VERDICTS_SOURCE));

    Map<String, KStream<String, RoutedMessage>> routes = profiles
        .flatMap(intake::profile, Named.as(PROFILE_INTAKE))
        .merge(requests.flatMap(intake::friendRequest, Named.as(FRIEND_REQUEST_INTAKE)), Named.as(INTAKE_MERGE_REQUESTS))
        .merge(directMessages.flatMap(intake::message, Named.as(MESSAGE_INTAKE)), Named.as(INTAKE_MERGE_MESSAGES))
        .merge(safetyReports.flatMap(intake::safetyReport, Named.as(SAFETY_REPORT_INTAKE)), Named.as(INTAKE_MERGE_REPORTS))
        .merge(reviewVerdicts.flatMap(intake::reviewVerdict, Named.as(REVIEW_VERDICT_INTAKE)), Named.as(INTAKE_MERGE_VERDICTS))
        .process(() -> new OwnerRouting(partitions, metrics), Named.as(INTAKE_ROUTING))
        .split(Named.as(INTAKE_ROUTES))
        .branch((account, routed) -> routed.ownedHere(), Branched.as(routeSuffix(OWNED_HERE_ROUTE)))
        .defaultBranch(Branched.as(routeSuffix(OWNED_ELSEWHERE_ROUTE)));
    KStream<String, AccountMessage> ownedElsewhere = routes.get(OWNED_ELSEWHERE_ROUTE)
        .mapValues(RoutedMessage::message, Named.as(OWNED_ELSEWHERE_MESSAGES))
        .repartition(accountKeyed(ACCOUNT_EVENTS_TOPIC, keys, messages, partitions));
    KStream<String, AccountMessage> accountEvents = routes.get(OWNED_HERE_ROUTE)
        .mapValues(RoutedMessage::message, Named.as(OWNED_HERE_MESSAGES))
        .merge(ownedElsewhere, Named.as(ACCOUNT_EVENTS_MERGE));

    for (StoreBuilder<?> store : DetectorStores.builders(config, inMemoryStores)) {
      builder.addStateStore(store);
    }
    String[] stores = DetectorStores.names(config);

    KStream<String, SpecificRecord> senderOutput = accountEvents
        .process(() -> new AccountEventsProcessor(config), Named.as(ACCOUNT_STATE), stores)
        .repartition(accountKeyed(CONTACTS_BY_RECIPIENT_TOPIC, keys, messages, partitions))
        .process(() -> new RecipientEnrichment(config, metrics), Named.as(RECIPIENT_ENRICHMENT), stores)
        .repartition(accountKeyed(CONTACTS_BY_SENDER_TOPIC, keys, messages, partitions))
        .process(() -> new SenderWindowsProcessor(config, metrics, partitions), Named.as(SENDER_WINDOWS), stores);

    KStream<String, Alert> senderAlerts = senderOutput
        .flatMapValues(value -> value instanceof Alert a ? List.of(a) : List.<Alert>of(), Named.as(SENDER_ALERTS));

    for (StoreBuilder<?> store : DetectorStores.campaignBuilders(inMemoryStores)) {
      builder.addStateStore(store);
    }
    KStream<String, Alert> campaignAlerts = senderOutput
        .flatMapValues(value -> value instanceof CampaignCandidate c ? List.of(c) : List.<CampaignCandidate>of(),
            Named.as(CAMPAIGN_CANDIDATES))
        .repartition(Repartitioned.<String, CampaignCandidate>as(CAMPAIGN_CANDIDATES_TOPIC).withKeySerde(keys)
            .withValueSerde(InternalAvroSerde.of(CampaignCandidate.class)).withNumberOfPartitions(1))
        .process(() -> new CampaignProcessor(config, metrics), Named.as(CAMPAIGNS),
            CAMPAIGN_CANDIDATES_STORE, CAMPAIGN_MEMBERSHIP_STORE);

    senderAlerts.merge(campaignAlerts, Named.as(CAMPAIGN_ALERTS_MERGE))
        .to(config.alertsTopic(), Produced.with(keys, serdes.alert()).withName(ALERTS_SINK));
    return builder.build();
  }
}
