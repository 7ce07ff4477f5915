package org.targetwatch.scoring;

/**
 * Hears every assessment of a sender, alert or not: replay's {@code --trace} writes them out so a
 * model change can be backtested and the evidence model fitted without replaying again.
 */
@FunctionalInterface
public interface AssessmentTrace {
  AssessmentTrace NONE = (sender, at, assessment) -> {};

  void assessed(String sender, long at, Assessment assessment);
}
