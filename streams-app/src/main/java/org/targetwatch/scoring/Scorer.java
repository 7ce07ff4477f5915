package org.targetwatch.scoring;

import java.util.Optional;
import org.targetwatch.schema.Severity;
import org.targetwatch.signals.ContactVolume;
import org.targetwatch.signals.Population;
import org.targetwatch.signals.ProtectionFigures;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.Signal;
import org.targetwatch.signals.SignalSet;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/**
 * Turns a window's evidence into a score in 0..1 and a severity (docs/detection.md, "Scoring"): the
 * score is the logistic of the model's intercept plus every signal's contribution, so strong
 * evidence on some signals makes up for borderline values on others. The one gate is a small
 * minimum of distinct minors: below it the score stays under MEDIUM, and under three minors there
 * is nothing to score.
 */
public final class Scorer {
  /** Fewer minors than this say nothing about a preference. */
  public static final int FEWEST_MINORS = 3;

  private final Thresholds t;
  private final EvidenceModel model;

  public Scorer(Thresholds thresholds, EvidenceModel model) {
    this.t = thresholds;
    this.model = model;
  }

  public Assessment assess(WindowSpec window, boolean burst, WindowFigures figures, SenderTraits sender,
      Population population) {
    return assess(window, burst, figures, sender, population, ProtectionFigures.NONE);
  }

  /** With the blocks and reports the sender received (docs/detection.md, "Reports and blocks"). */
  public Assessment assess(WindowSpec window, boolean burst, WindowFigures figures, SenderTraits sender,
      Population population, ProtectionFigures protection) {
    return assess(window, burst, figures, ContactVolume.NONE, sender, population, protection);
  }

  /**
   * With how much the sender contacted beyond the window scored, which says whether its contact is
   * a broadcast whichever window is scored (docs/detection.md, "Evidence").
   */
  public Assessment assess(WindowSpec window, boolean burst, WindowFigures figures, ContactVolume volumeBeyond,
      SenderTraits sender, Population population, ProtectionFigures protection) {
    SignalSet signals = SignalSet.compute(figures, volumeBeyond, sender, population, protection, burst,
        t, model);
    double score = score(signals, figures.minors(), t.minMinors(burst));
    return new Assessment(window, figures, signals, score, severityOf(score));
  }

  /**
   * A co-targeting group judged as one sender (docs/detection.md, "Campaigns"): the figures of the
   * minors its members contacted together, the members' traits, and the overlap chance cannot
   * explain as evidence of its own. The group's minors stand for its targets, so the minors' share
   * of targets says nothing here.
   */
  public Assessment assessGroup(WindowSpec window, WindowFigures figures, SenderTraits members,
      double membersContextEvidence, double chance, double maxChance, int minGroupMinors) {
    return assessGroup(window, figures, members, membersContextEvidence, chance, maxChance, minGroupMinors, 0);
  }

  /**
   * @param confirmedMembers members a reviewer confirmed: a group linked beyond chance to a confirmed
   *     account carries that link as evidence (docs/detection.md, "Verdicts")
   */
  public Assessment assessGroup(WindowSpec window, WindowFigures figures, SenderTraits members,
      double membersContextEvidence, double chance, double maxChance, int minGroupMinors, int confirmedMembers) {
    double lean = SignalSet.leanToPopular(figures.meanDegreePercentile());
    SignalSet signals = SignalSet.compute(figures, members, GROUP_POPULATION, false, t, model)
        .withCoTargeting(chance, maxChance, lean, model)
        .withMembersContext(membersContextEvidence);
    if (confirmedMembers > 0) {
      signals = signals.withConfirmedLink(confirmedMembers, lean, model);
    }
    double score = score(signals, figures.minors(), minGroupMinors);
    return new Assessment(window, figures, signals, score, severityOf(score));
  }

  /**
   * A member's score in its group (docs/detection.md, "Campaigns"): its own evidence plus the
   * group's coordination (co-targeting beyond chance, in proportion to the group's lean to popular
   * minors, and a link to a confirmed account), never above the group's own score. A ring's borderline members cross the bar together;
   * an account whose own contact shows little of the pattern is not alerted for the company it is in.
   * The coordination counts in proportion as the member's own context leaves its contact
   * unexplained: {@code exp(ownContextEvidence)}, 1 for
   * an account nothing explains (a sock puppet), a seventh for one whose context is worth -2 in
   * log-odds (a teen befriending its peers, a new classmate or relative adding one class or family,
   * a broadcast). Sharing popular minors with a confirmed offender, or with a ring, is what such an
   * account's own reason to contact them already gives it (docs/detection.md, "Verdicts").
   *
   * @param ownContextEvidence the member's own context evidence (zero or below)
   */
  public double memberScore(double ownScore, double ownContextEvidence, Assessment group) {
    double own = Math.min(Math.max(ownScore, 1e-3), 1 - 1e-3);
    double unexplained = Math.exp(Math.min(0.0, ownContextEvidence));
    double coordination = unexplained * group.signals().all().stream()
        .filter(s -> s.name().equals(SignalSet.CO_TARGETING) || s.name().equals(SignalSet.CONFIRMED_LINK))
        .mapToDouble(Signal::contribution).sum();
    double member = logistic(Math.log(own / (1 - own)) + coordination);
    return Math.round(Math.min(group.score(), member) * 1000.0) / 1000.0;
  }

  /** Every target of a group is a minor: a population of minors leaves the minors' share neutral. */
  private static final Population GROUP_POPULATION = new Population(1.0, 0);

  double score(SignalSet signals, int minors, int minMinors) {
    if (minors < FEWEST_MINORS) {
      return 0.0;
    }
    double score = logistic(model.intercept() + signals.evidence());
    if (minors < minMinors) {
      score = Math.min(score, (t.lowScore() + t.mediumScore()) / 2);
    }
    return Math.round(score * 1000.0) / 1000.0;
  }

  public Optional<Severity> severityOf(double score) {
    if (score >= t.criticalScore()) {
      return Optional.of(Severity.CRITICAL);
    }
    if (score >= t.highScore()) {
      return Optional.of(Severity.HIGH);
    }
    if (score >= t.mediumScore()) {
      return Optional.of(Severity.MEDIUM);
    }
    if (score >= t.lowScore()) {
      return Optional.of(Severity.LOW);
    }
    return Optional.empty();
  }

  static double logistic(double logOdds) {
    return 1.0 / (1.0 + Math.exp(-logOdds));
  }
}
