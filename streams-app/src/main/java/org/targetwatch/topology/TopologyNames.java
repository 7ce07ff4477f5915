package org.targetwatch.topology;

/**
 * Every processor, store and internal topic name of the detector, in one place. Renaming one of
 * these orphans its state on upgrade: {@code TopologySnapshotTest} fails when one changes.
 */
public final class TopologyNames {
  private TopologyNames() {}

  // sources (user topics are configured; these are the node names)
  public static final String PROFILES_SOURCE = "profiles-source";
  public static final String FRIEND_REQUESTS_SOURCE = "friend-requests-source";
  public static final String MESSAGES_SOURCE = "messages-source";
  public static final String SAFETY_REPORTS_SOURCE = "safety-reports-source";
  public static final String REVIEW_VERDICTS_SOURCE = "review-verdicts-source";

  // stage 0: intake — validate, turn each source event into its owner's account message, and route
  // it to this task when it owns the account, else through account-events
  public static final String PROFILE_INTAKE = "profile-intake";
  public static final String FRIEND_REQUEST_INTAKE = "friend-request-intake";
  public static final String MESSAGE_INTAKE = "message-intake";
  public static final String INTAKE_MERGE_REQUESTS = "intake-merge-requests";
  public static final String INTAKE_MERGE_MESSAGES = "intake-merge-messages";
  public static final String SAFETY_REPORT_INTAKE = "safety-report-intake";
  public static final String REVIEW_VERDICT_INTAKE = "review-verdict-intake";
  public static final String INTAKE_MERGE_REPORTS = "intake-merge-safety-reports";
  public static final String INTAKE_MERGE_VERDICTS = "intake-merge-review-verdicts";
  public static final String INTAKE_ROUTING = "intake-routing";
  /** The split into the two routes, and the prefix of their names. */
  public static final String INTAKE_ROUTES = "intake-routes";
  public static final String OWNED_HERE_ROUTE = "intake-routes-owned-here";
  public static final String OWNED_ELSEWHERE_ROUTE = "intake-routes-owned-elsewhere";
  public static final String OWNED_HERE_MESSAGES = "owned-here-messages";
  public static final String OWNED_ELSEWHERE_MESSAGES = "owned-elsewhere-messages";
  public static final String ACCOUNT_EVENTS_TOPIC = "account-events";
  public static final String ACCOUNT_EVENTS_MERGE = "account-events-merge";

  // stage 1: friendship graph state and contact extraction, at each account's partition
  public static final String ACCOUNT_STATE = "account-state";
  public static final String CONTACTS_BY_RECIPIENT_TOPIC = "contacts-by-recipient";

  // stage 2: enrichment with the recipient's profile, degree and friends
  public static final String RECIPIENT_ENRICHMENT = "recipient-enrichment";
  public static final String CONTACTS_BY_SENDER_TOPIC = "contacts-by-sender";

  // stage 3: per-sender sliding windows, signals and scoring
  public static final String SENDER_WINDOWS = "sender-windows";

  // stage 4: campaigns, one global task
  public static final String SENDER_ALERTS = "sender-alerts";
  public static final String CAMPAIGN_CANDIDATES = "campaign-candidates-out";
  public static final String CAMPAIGN_CANDIDATES_TOPIC = "campaign-candidates";
  public static final String CAMPAIGNS = "campaigns";
  public static final String CAMPAIGN_ALERTS_MERGE = "campaign-alerts-merge";
  /** The one key of the campaign stage's input: all candidates meet in one partition. */
  public static final String CAMPAIGN_KEY = "campaigns";

  // stage 5: alert emission
  public static final String ALERTS_SINK = "alerts-sink";

  // stores
  public static final String PROFILE_STORE = "account-profiles";
  public static final String FRIENDSHIP_STORE = "friendships";
  public static final String MINOR_DEGREE_STORE = "minor-degree-distribution";
  public static final String SENT_TO_STORE = "messages-sent-to";
  public static final String SENDER_TARGETS_STORE = "sender-targets";
  public static final String RECENT_CONTACTS_STORE = "sender-recent-contacts";
  public static final String ALERT_HISTORY_STORE = "alert-history";
  public static final String SAFETY_REPORTS_STORE = "safety-reports";
  public static final String REVIEW_VERDICTS_STORE = "review-verdicts";
  public static final String SEQUENCE_STORE = "sender-sequence";
  public static final String WAITING_MESSAGES_STORE = "sender-waiting-messages";
  public static final String CAMPAIGN_CANDIDATES_STORE = "campaign-candidate-accounts";
  public static final String CAMPAIGN_MEMBERSHIP_STORE = "campaign-memberships";

  /** The store of a window's activity buckets, e.g. {@code sender-activity-burst}. */
  public static String activityStore(String windowName) {
    return "sender-activity-" + windowName;
  }
}
