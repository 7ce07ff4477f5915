package org.targetwatch.simulator;

/**
 * The ground-truth classes an account can be labelled with: the offender tactics the detector must
 * catch and the benign look-alikes it must not flag (DESIGN.md, "The pattern, as signals").
 * The label strings are used by the evaluation and must not change.
 */
public enum BehaviourClass {
  BURST_FAKE_TEEN("offender.burst_fake_teen"),
  SLOW_AND_LOW("offender.slow_and_low"),
  SNOWBALL("offender.snowball"),
  SOCK_PUPPET_RING("offender.sock_puppet_ring"),
  DILUTION("offender.dilution"),
  MESSAGE_FIRST("offender.message_first"),
  NEW_STUDENT("benign.new_student"),
  TEACHER("benign.teacher"),
  POPULAR_TEEN("benign.popular_teen"),
  CREATOR("benign.creator"),
  RELATIVE("benign.relative"),
  GAMER_TEEN("benign.gamer_teen"),
  SPAM("benign.spam"),
  ORDINARY("benign.ordinary");

  private final String label;

  BehaviourClass(String label) {
    this.label = label;
  }

  /** The label written to the ground-truth file, e.g. {@code offender.snowball}. */
  public String label() {
    return label;
  }

  public boolean isOffender() {
    return label.startsWith("offender.");
  }

  /** The class for a label string. */
  public static BehaviourClass ofLabel(String label) {
    for (BehaviourClass c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown behaviour class label '" + label + "'");
  }
}
