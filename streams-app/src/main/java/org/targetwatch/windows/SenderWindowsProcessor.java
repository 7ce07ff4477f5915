package org.targetwatch.windows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.targetwatch.alerts.AlertFactory;
import org.targetwatch.campaigns.CampaignProcessor;
import org.targetwatch.contacts.FriendshipSides;
import org.targetwatch.contacts.RecentContactMemory;
import org.targetwatch.friendship.AgeBands;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.friendship.StoredFriends;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.topology.TopologyNames;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Verdict;
import org.targetwatch.schema.internal.VerdictState;
import org.targetwatch.friendship.MinorDegreeDistribution;
import org.targetwatch.safety.ClearedRule;
import org.targetwatch.safety.ReviewVerdicts;
import org.targetwatch.safety.SafetyLoopEvidence;
import org.targetwatch.signals.ProtectionFigures;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.Reassessment;
import org.targetwatch.schema.internal.TargetResponse;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.scoring.Assessment;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.scoring.Scorer;
import org.targetwatch.signals.ContactVolume;
import org.targetwatch.signals.Population;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.topology.WindowSpec;
import org.targetwatch.windows.MinorTargetsInMemory.MinorTarget;

/**
 * Stage 3 at the sender's partition: adds each enriched cold contact to the sender's windows, then
 * evaluates both windows and, when the best assessment is an alert the cool-down allows, emits it
 * (stage 5). A contact more than the grace period behind the latest contact seen is not added: its
 * windows have closed (it still changed the friendship graph upstream). The clock restarts with the
 * task, so just after a restart late contacts are let in: a wider door, never a lost contact.
 * A new friend's answer to a friendship, its age band, also comes back to the sender here, and so
 * do the responses to its contacts, on the contacts' own path: accepted, declined, removed, and
 * its escalations, which change the sender's evidence without a new contact and are assessed. So do the
 * safety loop's inputs (docs/detection.md, "Reports and blocks", "Verdicts"): a block or report
 * against the account is recorded and the account assessed again; a verdict is applied, and stands
 * between an assessment and its alert. Everything that is numbered in the account's sequence is
 * applied in that order ({@link SenderSequence}): an answer back ahead of an earlier one waits for it.
 */
public final class SenderWindowsProcessor implements Processor<String, AccountMessage, String, SpecificRecord> {
  private final DetectorConfig config;
  private final Scorer scorer;
  private final AlertFactory alerts;
  private final AssessmentTrace trace;
  private final DetectorMetrics metrics;
  private final ClearedRule clearedRule;
  private ProcessorContext<String, SpecificRecord> context;
  private DetectorStores stores;
  private FriendshipSides friendships;
  private SenderSequence sequence;
  private long lateContactsDropped;
  /**
   * This stage's own event-time clock: the latest contact it has seen. Not the task's stream time,
   * which a rejected far-future source event would push ahead of every real contact.
   */
  private long latestContactAt = Long.MIN_VALUE / 2;

  /** The platform's accounts per account of a task: the sum of degrees a task counts, times this, is the platform's. */
  private final int platformShare;

  public SenderWindowsProcessor(DetectorConfig config) {
    this(config, AssessmentTrace.NONE, DetectorMetrics.NONE, 1);
  }

  /** @param partitions the input topics' partitions: a task holds one in so many of the platform's accounts */
  public SenderWindowsProcessor(DetectorConfig config, DetectorMetrics metrics, int partitions) {
    this(config, AssessmentTrace.NONE, metrics, partitions);
  }

  /** With a trace that hears every assessment (replay's {@code --trace}: backtests and model fitting). */
  public SenderWindowsProcessor(DetectorConfig config, AssessmentTrace trace) {
    this(config, trace, DetectorMetrics.NONE, 1);
  }

  /**
   * @param partitions the input topics' partitions: a task holds one in so many of the platform's
   *     accounts (1: all of them, as in {@code replay})
   */
  public SenderWindowsProcessor(DetectorConfig config, AssessmentTrace trace, DetectorMetrics metrics, int partitions) {
    this.config = config;
    this.platformShare = Math.max(1, partitions);
    this.trace = trace;
    this.metrics = metrics;
    this.clearedRule = new ClearedRule(config.safety().clearedGrowth());
    this.scorer = new Scorer(config.thresholds(), config.evidenceModel());
    this.alerts = new AlertFactory(config.sampleTargets(), config.maxTargetsPerWindow(), config.cooldown().toMillis());
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.stores = DetectorStores.from(context, config, metrics);
    this.friendships = new FriendshipSides(stores.graph());
    this.sequence = stores.sequence();
    // pairs older than the long window plus grace are swept once a bucket of the long window
    context.schedule(Duration.ofMillis(config.longWindow().bucketMs()), PunctuationType.STREAM_TIME, now -> {
      long cutoff = now - config.retentionMs();
      stores.activity().expireTargets(cutoff);
      stores.firstMessages().forgetBefore(cutoff);
      stores.recentContacts().forgetBefore(cutoff);
      stores.protectiveActions().forgetBefore(cutoff);
      stores.verdicts().expire(now);
      sequence.forgetBefore(cutoff);
    });
    long maxWait = config.resequenceMaxWait().toMillis();
    if (maxWait > 0) {
      // an answer that never comes back holds its account's later ones at most the wait
      context.schedule(Duration.ofMillis(Math.max(1, maxWait / 4)), PunctuationType.STREAM_TIME,
          now -> sequence.releaseOverdue(now, this::apply));
    }
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    sequence.arrive(record.key(), record, context.currentStreamTimeMs(), this::apply);
  }

  /** Applies one message to the account's windows, in its sequence's order. */
  private void apply(Record<String, AccountMessage> record) {
    Object payload = record.value().getPayload();
    if (payload instanceof PeerAgeBand band) {
      friendships.applyAgeBand(band); // a new friend's answer to the side this account sent on
    } else if (payload instanceof EnrichedContact contact) {
      onContact(contact);
    } else if (payload instanceof TargetResponse response) {
      onResponse(response);
    } else if (payload instanceof Reassessment again) { // written by an older version
      String sender = again.getSenderId();
      long at = again.getAt();
      assessAndAlert(sender, at, traitsOf(sender, at), null,
          new Population(again.getPopulationMinorShare(), again.getPopulationUpperQuartile()));
    } else if (payload instanceof SafetyReport report) {
      onSafetyReport(report);
    } else if (payload instanceof ReviewVerdict verdict) {
      onVerdict(verdict);
    }
    // ContactDropped: no contact after all; it only told the sequence that nothing is outstanding
  }

  /**
   * A block, unblock or report against the account: recorded (one entry per reporter), counted in
   * the account's activity so that its windows know there is something to look up, and the account
   * assessed again. A report against oneself is ignored.
   */
  private void onSafetyReport(SafetyReport report) {
    String account = report.getReportedId();
    if (account.equals(report.getReporterId())) {
      metrics.safetyReport("self");
      return;
    }
    if (!stores.protectiveActions().record(report)) {
      metrics.safetyReport("unchanged");
      return;
    }
    metrics.safetyReport("recorded");
    long at = report.getOccurredAt().toEpochMilli();
    stores.activity().count(account, at, c -> c.setProtectiveActions(c.getProtectiveActions() + 1));
    assessAndAlert(account, at, traitsOf(account, at), null, populationNow());
  }

  /**
   * A reviewer's verdict: applied to the account's standing verdict (docs/detection.md, "Verdicts").
   * A CONFIRMED account is also put to the campaign stage, so that accounts sharing its targets
   * beyond chance are linked to it.
   */
  private void onVerdict(ReviewVerdict verdict) {
    String account = verdict.getAccountId();
    long at = verdict.getOccurredAt().toEpochMilli();
    int minorsNow = stores.activity().figures(account, config.longWindow(), at).minors();
    ReviewVerdicts.Outcome outcome = stores.verdicts().apply(verdict, stores.cooldown().recentAlerts(account), minorsNow);
    metrics.verdict(verdict.getVerdict().name(), outcome.name().toLowerCase(java.util.Locale.ROOT));
    if (outcome == ReviewVerdicts.Outcome.APPLIED && verdict.getVerdict() != Verdict.CONFIRMED) {
      // a clearance given or withdrawn: the campaign stage holds back (or no longer) the account's member alerts
      context.forward(new Record<>(TopologyNames.CAMPAIGN_KEY, clearanceNotice(account, verdict.getEventId(), at), at));
    }
    if (outcome == ReviewVerdicts.Outcome.APPLIED && verdict.getVerdict() == Verdict.CONFIRMED) {
      String confirmedAlert = verdict.getAlertId() != null ? verdict.getAlertId() : verdict.getEventId();
      CampaignCandidate confirmed = confirmedCandidate(account, verdict.getEventId(), at, confirmedAlert);
      if (!confirmed.getMinorTargets().isEmpty()) {
        context.forward(new Record<>(TopologyNames.CAMPAIGN_KEY, confirmed, at));
      }
    }
  }

  /**
   * Counts a response once per target held in the window; an escalation counted is assessed. A
   * response that arrives after later contacts of its sender were assessed re-decides them.
   */
  private void onResponse(TargetResponse response) {
    String sender = response.getSenderId();
    String target = response.getTargetId();
    long at = response.getAt();
    SenderActivity activity = stores.activity();
    Population population = new Population(response.getPopulationMinorShare(), response.getPopulationUpperQuartile());
    boolean counted = switch (response.getResponse()) {
      case ACCEPTED -> {
        activity.recordAccepted(sender, target, at);
        yield false; // acceptance is shown in the evidence, and never changes the score
      }
      case DECLINED -> activity.recordDeclined(sender, target, at);
      case REMOVED -> {
        activity.recordRemoved(sender, target, at);
        yield false;
      }
      case ESCALATED -> {
        boolean escalation = activity.recordEscalation(sender, target, at);
        if (escalation) {
          assessAndAlert(sender, at, traitsOf(sender, at), null, population);
        }
        yield escalation;
      }
    };
    if (counted && at < latestContactAt) {
      reassessLaterContacts(sender, at, population);
    }
  }

  /**
   * Something of {@code sender}'s at time {@code at} was counted after later contacts of the
   * sender had been assessed: contacts that crossed other partitions can come back in another order
   * than their event times. Each of those later contacts is assessed again, as it would have been
   * with this one counted first (docs/detection.md, "Order").
   */
  private void reassessLaterContacts(String sender, long at, Population population) {
    long previous = at;
    for (RecentContactMemory.RecentContact later : stores.recentContacts().contactsAfter(sender, at)) {
      TargetEntry counted = stores.activity().findTarget(sender, later.targetId(), later.at());
      if (counted != null && counted.getFirstContactAt() == later.at() && later.at() != previous) {
        assessAndAlert(sender, later.at(), traitsOf(sender, later.at()), null, population);
        previous = later.at();
      }
    }
  }

  private Population populationNow() {
    MinorDegreeDistribution.Snapshot minors = stores.graph().minorDegrees().snapshot();
    return new Population(minors.minorShare(), minors.upperQuartile());
  }

  private void onContact(EnrichedContact contact) {
    ContactAttempt attempt = contact.getAttempt();
    long at = attempt.getAt();
    if (at < latestContactAt - config.grace().toMillis()) {
      lateContactsDropped++;
      return;
    }
    boolean late = at < latestContactAt;
    latestContactAt = Math.max(latestContactAt, at);
    String sender = attempt.getSenderId();
    SenderTraits traits = traitsOf(sender, at);
    WindowFigures longWindow = addToWindows(sender, contact, traits.ageBand());
    if (longWindow == null) {
      return; // a contact already counted in the window: nothing changed
    }
    Population population = new Population(contact.getPopulationMinorShare(), contact.getPopulationUpperQuartile());
    Assessment best = assessAndAlert(sender, at, traits, longWindow, population);
    if (late) {
      reassessLaterContacts(sender, at, population);
    }
    boolean minorContact = contact.getTargetKnown() && AgeBands.isMinor(contact.getTargetAgeBand());
    // recent accounts reach the campaign stage (docs/detection.md, "Campaigns")
    boolean recent = traits.accountAgeKnown() && traits.accountAgeDays() < CampaignProcessor.RECENT_ACCOUNT_DAYS;
    if (minorContact && recent && isCampaignCandidate(best)) {
      context.forward(new Record<>(TopologyNames.CAMPAIGN_KEY, campaignCandidate(sender, attempt, best, traits), at));
    }
  }

  /**
   * Assesses both windows (the long window's figures given when just computed, else read) and, when
   * the best assessment is an alert the cool-down allows, emits it (stage 5). Returns the best.
   */
  private Assessment assessAndAlert(String sender, long at, SenderTraits traits, WindowFigures longWindow,
      Population population) {
    WindowFigures longFigures = longWindow != null ? longWindow : stores.activity().figures(sender, config.longWindow(), at);
    // only an account blocked or reported within the long window has anything to look up
    ProtectionFigures protection = longFigures.protectiveActions() == 0
        ? ProtectionFigures.NONE
        : stores.protectiveActions().figures(sender, at, reporter -> contactedAsMinor(sender, reporter, at));
    Map<WindowSpec, WindowFigures> figuresByWindow = new LinkedHashMap<>();
    for (WindowSpec window : config.windows()) {
      figuresByWindow.put(window, window.equals(config.longWindow()) ? longFigures : stores.activity().figures(sender, window, at));
    }
    WindowFigures day = figuresByWindow.get(config.burstWindow()); // config.windows() always holds the burst window
    ContactVolume volume = new ContactVolume(longFigures.targets(), day.targets() - day.minors(), day.busiestBucketTargets());
    Assessment best = null;
    for (Map.Entry<WindowSpec, WindowFigures> each : figuresByWindow.entrySet()) {
      WindowSpec window = each.getKey();
      boolean burst = window.equals(config.burstWindow());
      Assessment a = scorer.assess(window, burst, each.getValue(), volume, traits, population, protection);
      trace.assessed(sender, at, a);
      if (best == null || a.score() > best.score()) {
        best = a;
      }
    }
    if (best.isAlert() && best.severity().get().ordinal() >= config.minSeverity().ordinal()) {
      Severity severity = best.severity().get();
      String alertId = AlertFactory.alertId(sender, severity.name(), best.window().name(), at, config.cooldown().toMillis());
      if (stores.cooldown().allows(sender, severity, at, alertId)) {
        // a verdict is looked up only here, once an alert is due: accounts never reviewed pay nothing per event
        VerdictState verdict = stores.verdicts().standing(sender, at);
        int minors = longFigures.minors();
        stores.cooldown().record(sender, severity, at, alertId, minors);
        if (heldBackByClearance(sender, verdict, alertId, severity, minors)) {
          metrics.alertHeldBack(severity);
          return best;
        }
        List<TargetEntry> targets = stores.activity().targetsOf(sender, best.window().windowStart(at), at);
        Alert alert = alerts.create(sender, at, best, traits, population.minorDegreeUpperQuartile(),
            population.minorShare(), targets);
        SafetyLoopEvidence.addTo(alert.getEvidence(), protection, verdict);
        alert.getEvidence().setOwnDistinctMinors(minors); // what a CLEARED verdict is compared on, whatever the window
        context.forward(new Record<>(sender, alert, at));
      }
    }
    return best;
  }

  /**
   * Whether a CLEARED account's alert is held back (docs/detection.md, "Verdicts"). The alert is
   * recorded in the cool-down either way, so a held-back alert is counted once, not at every contact.
   */
  private boolean heldBackByClearance(String account, VerdictState verdict, String alertId, Severity severity, int minors) {
    if (verdict == null || verdict.getVerdict() != Verdict.CLEARED) {
      return false;
    }
    ClearedRule.Decision decision = clearedRule.decide(verdict, alertId, severity, minors);
    if (decision == ClearedRule.Decision.HOLD_BACK_AND_RESOLVE
        || (decision == ClearedRule.Decision.ALERT && verdict.getReviewedMinors() >= 0)) {
      // the evidence reviewed, or the grown evidence now shown: the next alert must grow beyond it
      stores.verdicts().resolve(account, verdict, minors, severity);
    }
    return decision != ClearedRule.Decision.ALERT;
  }

  /** Whether the reporter is a minor the account contacted within the long window. */
  private boolean contactedAsMinor(String account, String reporter, long at) {
    TargetEntry target = stores.activity().findTarget(account, reporter, at);
    return target != null && target.getMinor();
  }

  /** The account's clearance as it stands now, for the candidate the campaign stage holds for it. */
  private CampaignCandidate clearanceNotice(String account, String eventId, long at) {
    return CampaignCandidate.newBuilder()
        .setSenderId(account)
        .setAt(at)
        .setEventId(eventId)
        .setYoung(false)
        .setScore(0.0)
        .setMinorTargets(List.of())
        .setMinorTargetPercentiles(List.of())
        .setMinorTargetStrangers(List.of())
        .setAccountAgeDays(-1)
        .setSenderDegree(0)
        .setClearedReviewedMinors(clearedReviewedMinors(account, at))
        .setClearanceOnly(true)
        .build();
  }

  /** A confirmed account as a campaign candidate: its minors of the campaign window, whatever its age and evidence. */
  private CampaignCandidate confirmedCandidate(String account, String eventId, long at, String confirmedAlertId) {
    return candidateWithItsMinors(account, at, eventId, traitsOf(account, at), 0.0)
        .setConfirmedAlertId(confirmedAlertId)
        .build();
  }

  /**
   * Whether the candidate's account is young: written for the record (the campaign stage no longer
   * groups by it, docs/detection.md, "Campaigns"); drop it at the next format change of the candidate.
   */
  private boolean isYoung(SenderTraits traits) {
    return traits.accountAgeKnown() && traits.accountAgeDays() < config.thresholds().youngAccountDays();
  }

  /**
   * A candidate of the account at {@code at}, with what every candidate that brings its minors
   * carries: its traits, the score given, and its minors of the campaign window, each with its
   * degree rank and whether it was a stranger.
   */
  private CampaignCandidate.Builder candidateWithItsMinors(String account, long at, String eventId, SenderTraits traits,
      double score) {
    List<MinorTarget> minors = stores.activity().minorTargetsOf(account, at - config.campaigns().window().toMillis(), at,
        config.campaigns().maxTargetsPerCandidate());
    return CampaignCandidate.newBuilder()
        .setSenderId(account)
        .setAt(at)
        .setEventId(eventId)
        .setYoung(isYoung(traits))
        .setScore(score)
        .setMinorTargets(minors.stream().map(MinorTarget::targetId).toList())
        .setMinorTargetPercentiles(minors.stream().map(MinorTarget::degreePercentile).toList())
        .setMinorTargetStrangers(minors.stream().map(MinorTarget::stranger).toList())
        .setAccountAgeDays(traits.accountAgeDays())
        .setSenderDegree(traits.degree());
  }

  /** The sender as a campaign candidate at a contact: its minors of the campaign window, its best assessment's score and context. */
  private CampaignCandidate campaignCandidate(String sender, ContactAttempt attempt, Assessment best, SenderTraits traits) {
    long at = attempt.getAt();
    return candidateWithItsMinors(sender, at, attempt.getEventId(), traits, best.score())
        .setContextEvidence(best.signals().contextEvidence())
        .setClearedReviewedMinors(clearedReviewedMinors(sender, at))
        .build();
  }

  /**
   * The distinct minors a reviewer saw when it cleared the sender, -1 when it is not cleared: a
   * cleared account's campaign-member alerts are held back on the same rule as its own
   * (docs/detection.md, "Verdicts"). Looked up only for campaign candidates.
   */
  private int clearedReviewedMinors(String sender, long at) {
    VerdictState verdict = stores.verdicts().standing(sender, at);
    return verdict == null || verdict.getVerdict() != Verdict.CLEARED ? -1 : verdict.getReviewedMinors();
  }

  /**
   * Raised partial evidence, below or above the alert bar: the pattern's own evidence (a preference
   * for popular minors, among strangers) over at least three minors. Volume is what a sock-puppet
   * ring spreads thin, so it does not count here.
   */
  private boolean isCampaignCandidate(Assessment a) {
    return a.figures().minors() >= 3
        && a.signals().patternEvidence() >= config.evidenceModel().campaignCandidateEvidence();
  }

  /**
   * Returns the long window's figures with the contact counted when it made a change worth
   * evaluating (a new target in the window), null otherwise. The long window is read once: the
   * figures before the contact decide whether it is full, and the same read gives the figures after.
   */
  private WindowFigures addToWindows(String sender, EnrichedContact contact, AgeBand senderBand) {
    ContactAttempt attempt = contact.getAttempt();
    long at = attempt.getAt();
    String target = attempt.getRecipientId();
    boolean request = attempt.getKind() == ContactKind.FRIEND_REQUEST;
    SenderActivity activity = stores.activity();
    TargetEntry existing = activity.findTarget(sender, target, at);
    if (existing != null) {
      boolean newKind = request ? !existing.getRequested() : !existing.getMessaged();
      if (newKind) {
        if (request) {
          existing.setRequested(true);
        } else {
          existing.setMessaged(true);
        }
        activity.putTarget(sender, existing);
        activity.count(sender, at, c -> countKind(c, request));
      }
      return null;
    }
    OpenWindow longWindow = activity.open(sender, config.longWindow(), at);
    if (longWindow.targets() >= config.maxTargetsPerWindow()) {
      return null; // the window is full: bounded state; the cap shows in the evidence
    }
    boolean minor = contact.getTargetKnown() && AgeBands.isMinor(contact.getTargetAgeBand());
    boolean high = contact.getTargetDegree() > contact.getPopulationUpperQuartile();
    double linksByChance = minor ? linksByChance(contact, longWindow) : 0.0;
    TargetEntry entry = TargetEntry.newBuilder()
        .setTargetId(target)
        .setFirstContactAt(at)
        .setRequested(request)
        .setMessaged(!request)
        .setMinor(minor)
        .setAgeBand(contact.getTargetAgeBand())
        .setDegree(contact.getTargetDegree())
        .setDegreePercentile(contact.getTargetDegreePercentile())
        .setAboveUpperQuartile(high)
        .setMutualFriends(contact.getMutualFriends())
        .build();
    activity.putTarget(sender, entry);
    Map<WindowSpec, ActivityCounts> updated = activity.count(sender, at, c -> {
      c.setTargets(c.getTargets() + 1);
      c.setTargetDegreeSum(c.getTargetDegreeSum() + contact.getTargetDegree());
      countKind(c, request);
      if (minor) {
        c.setMinors(c.getMinors() + 1);
        c.setPercentileSum(c.getPercentileSum() + contact.getTargetDegreePercentile());
        if (high) {
          c.setHighDegreeMinors(c.getHighDegreeMinors() + 1);
        }
        c.setLinksKnown(c.getLinksKnown() + contact.getRecentTargetsKnown());
        c.setLinksExpected(c.getLinksExpected() + linksByChance);
        if (contact.getMutualFriends() == 0) {
          c.setStrangerMinors(c.getStrangerMinors() + 1);
        }
        if (AgeBands.arePeers(contact.getTargetAgeBand(), senderBand)) {
          c.setSameBandMinors(c.getSameBandMinors() + 1);
        }
      }
    });
    return longWindow.figuresWith(updated.get(config.longWindow()));
  }

  /**
   * How many of the sender's recent targets the contact's target would be friends with by chance,
   * had they all been picked anywhere on the platform: its degree times theirs over the platform's
   * sum of degrees (the configuration model; docs/detection.md, "Targets who know each other").
   * Their degrees are the long window's, in proportion to the recent targets the contact carried.
   * The platform's sum is the one the contact carried from when it was sent (a contact in flight
   * from a version before it: this task's now), so the answer does not depend on when it returns.
   * Minors befriend minors more often than their degrees alone give, and platforms differ in how
   * much: the chance is multiplied by the platform's age homophily
   * ({@link org.targetwatch.friendship.MinorFriendEnds}), so that "beyond chance" means beyond what
   * this platform's minors do; like the sum, the factor the contact carried from its sender's task
   * (none: this task's now).
   */
  private double linksByChance(EnrichedContact contact, OpenWindow longWindow) {
    int carried = contact.getRecentTargetsCarried();
    int earlier = longWindow.targets();
    long taskDegrees = contact.getSenderTaskDegreeSum() > 0 ? contact.getSenderTaskDegreeSum() : stores.graph().taskDegreeSum();
    long platformDegrees = taskDegrees * platformShare;
    if (carried <= 0 || earlier <= 0 || platformDegrees <= 0) {
      return 0.0;
    }
    double carriedDegrees = longWindow.targetDegreeSum() * Math.min(1.0, carried / (double) earlier);
    double homophily = contact.getMinorHomophily() > 0 ? contact.getMinorHomophily() : stores.graph().minorHomophily();
    return Math.min(carried, homophily * contact.getTargetDegree() * carriedDegrees / platformDegrees);
  }

  private static void countKind(ActivityCounts c, boolean request) {
    if (request) {
      c.setRequests(c.getRequests() + 1);
    } else {
      c.setMessages(c.getMessages() + 1);
    }
  }

  private SenderTraits traitsOf(String sender, long at) {
    FriendshipGraph graph = stores.graph();
    Profile profile = graph.profileOf(sender);
    StoredFriends friends = graph.friendsOf(sender);
    double ageDays = profile == null || profile.getCreatedAt() == null
        ? -1
        : Math.max(0, (at - profile.getCreatedAt().toEpochMilli()) / (double) Duration.ofDays(1).toMillis());
    AgeBand band = profile == null ? AgeBand.UNKNOWN : profile.getAgeBand();
    // friends as of the contact: a friendship made at another partition may have arrived ahead of it
    return new SenderTraits(ageDays, friends.degreeAt(at), band, friends.trustedMinorShare(at, config.longWindow().sizeMs()));
  }

  long lateContactsDropped() {
    return lateContactsDropped;
  }
}
