package org.targetwatch.signals;

/**
 * One named piece of evidence about a sender in a window: its value, the reference it is read
 * against, its basis (the value brought to a bounded scale on which the model weighs it) and its
 * contribution to the log-odds (weight x basis; negative for context that explains the contact).
 * The names are the {@code signal} field of an alert's reasons and are defined in
 * docs/detection.md, "Evidence".
 */
public record Signal(String name, double value, double reference, double basis, double contribution) {

  /** A contribution this small says nothing a reviewer needs to read. */
  static final double NEGLIGIBLE = 0.005;

  public boolean matters() {
    return Math.abs(contribution) >= NEGLIGIBLE;
  }
}
