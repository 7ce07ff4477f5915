package org.targetwatch.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.targetwatch.schema.Severity;
import org.targetwatch.topology.DetectorMetrics;

/**
 * The detector's own counters, in Prometheus as {@code targetwatch_events_read_total{type}},
 * {@code targetwatch_events_rerouted_total}, {@code targetwatch_contacts_total},
 * {@code targetwatch_alerts_total{severity}},
 * {@code targetwatch_dead_letters_total{reason}}, and the resequencing of what comes back to the
 * senders' windows: {@code targetwatch_resequence_waited_total},
 * {@code targetwatch_resequence_gaps_waited_past_total}, {@code targetwatch_resequence_arrived_after_wait_total}.
 */
public final class RuntimeMetrics implements DetectorMetrics {
  /** The Streams config key under which the dead-letter handlers find this object. */
  public static final String CONFIG_KEY = "targetwatch.runtime.metrics";
  /** The meter of input events read, one counter per event type. */
  public static final String EVENTS_READ = "targetwatch.events.read";

  private final MeterRegistry registry;
  private final Counter contacts;
  private final Counter rerouted;
  private final Counter waited;
  private final Counter gapsWaitedPast;
  private final Counter arrivedAfterWait;
  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  private final Map<Severity, Counter> alerts = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Map<String, Counter> safetyReports = new ConcurrentHashMap<>();
  private final Map<String, Counter> verdicts = new ConcurrentHashMap<>();
  private final Map<Severity, Counter> heldBack = new ConcurrentHashMap<>();

  public RuntimeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.contacts = Counter.builder("targetwatch.contacts")
        .description("Contacts (cold friend requests and messages) confirmed at the recipient's partition").register(registry);
    this.rerouted = Counter.builder("targetwatch.events.rerouted")
        .description("Input events not in their owning account's partition (not partitioned like Kafka's default"
            + " partitioner), sent on through the account-events topic").register(registry);
    this.waited = Counter.builder("targetwatch.resequence.waited")
        .description("Messages back at their sender's windows ahead of an earlier one, held until it came"
            + " (docs/detection.md, Order)").register(registry);
    this.gapsWaitedPast = Counter.builder("targetwatch.resequence.gaps.waited.past")
        .description("Messages the senders' windows stopped waiting for (detector.resequence.max.wait ran out):"
            + " those after them were applied out of order").register(registry);
    this.arrivedAfterWait = Counter.builder("targetwatch.resequence.arrived.after.wait")
        .description("Messages back at their sender's windows after the windows stopped waiting for them,"
            + " applied late").register(registry);
    for (String type : new String[] {"profile", "friend_request", "message", "safety_report", "review_verdict"}) {
      eventCounter(type);
    }
    for (Severity severity : Severity.values()) {
      alertCounter(severity);
    }
  }

  @Override
  public void eventRead(String type) {
    eventCounter(type).increment();
  }

  @Override
  public void eventRerouted() {
    rerouted.increment();
  }

  @Override
  public void contact() {
    contacts.increment();
  }

  @Override
  public void alert(Severity severity) {
    alertCounter(severity).increment();
  }

  @Override
  public void deadLetter(String reason) {
    deadLetters.computeIfAbsent(reason, r -> Counter.builder("targetwatch.dead.letters")
        .description("Records sent to the dead-letter topic, by reason").tag("reason", r).register(registry)).increment();
  }

  @Override
  public void safetyReport(String outcome) {
    safetyReports.computeIfAbsent(outcome, o -> Counter.builder("targetwatch.safety.reports")
        .description("Blocks, unblocks and reports at the reported account's partition, by outcome")
        .tag("outcome", o).register(registry)).increment();
  }

  @Override
  public void verdict(String verdict, String outcome) {
    verdicts.computeIfAbsent(verdict + "|" + outcome, k -> Counter.builder("targetwatch.verdicts")
        .description("Reviewers' verdicts at the account's partition, by verdict and outcome")
        .tag("verdict", verdict).tag("outcome", outcome).register(registry)).increment();
  }

  @Override
  public void messageWaited() {
    waited.increment();
  }

  @Override
  public void gapsWaitedPast(long missing) {
    gapsWaitedPast.increment(missing);
  }

  @Override
  public void arrivedAfterWaitedPast() {
    arrivedAfterWait.increment();
  }

  @Override
  public void alertHeldBack(Severity severity) {
    heldBack.computeIfAbsent(severity, s -> Counter.builder("targetwatch.alerts.held.back")
        .description("Alerts of CLEARED accounts held back: their evidence had not grown beyond what was reviewed")
        .tag("severity", s.name()).register(registry)).increment();
  }

  private Counter eventCounter(String type) {
    return events.computeIfAbsent(type, t -> Counter.builder(EVENTS_READ)
        .description("Records read from the input topics, by event type").tag("type", t).register(registry));
  }

  private Counter alertCounter(Severity severity) {
    return alerts.computeIfAbsent(severity, s -> Counter.builder("targetwatch.alerts")
        .description("Alerts written to the alert topic, by severity").tag("severity", s.name()).register(registry));
  }

  /** The metrics object a handler was configured with, or {@link DetectorMetrics#NONE}. */
  static DetectorMetrics from(Map<String, ?> configs) {
    Object metrics = configs.get(CONFIG_KEY);
    return metrics instanceof DetectorMetrics m ? m : DetectorMetrics.NONE;
  }
}
