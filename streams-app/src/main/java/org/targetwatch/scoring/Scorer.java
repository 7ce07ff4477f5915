package org.targetwatch.scoring;

import java.util.Optional;
import org.targetwatch.schema.Severity;
import org.targetwatch.signals.Population;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.SignalSet;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/**
 * Turns a window's signals into a score in 0..1 and a severity (docs/detection.md, "scoring").
 * MEDIUM and above need every core signal: enough minors, a strong and significant preference for
 * high-degree minors, and mostly strangers. Within that, the score rises with how far the core
 * signals exceed their thresholds and with the aggravating signals. Without every core signal the
 * score stays below MEDIUM: three of four core signals give a LOW, fewer give nothing. A sender
 * with a mitigating signal (welcomed by its contacts, or an established popular minor among
 * minors) is held at LOW.
 */
public final class Scorer {
  private final Thresholds t;

  public Scorer(Thresholds thresholds) {
    this.t = thresholds;
  }

  public Assessment assess(WindowSpec window, boolean burst, WindowFigures figures, SenderTraits sender,
      Population population) {
    SignalSet signals = SignalSet.compute(figures, sender, population, burst, t);
    double score = score(signals, figures, burst);
    return new Assessment(window, figures, signals, score, severityOf(score));
  }

  double score(SignalSet signals, WindowFigures f, boolean burst) {
    if (f.minors() < 3) {
      return 0.0;
    }
    if (!signals.allCoreMet()) {
      return t.mediumScore() * Math.max(0, signals.coreMet() - 1) / 3.0;
    }
    int minMinors = t.minMinors(burst);
    double volume = clamp((f.minors() - minMinors) / (double) minMinors);
    double preference = clamp((f.meanDegreePercentile() - t.minMeanDegreePercentile()) / 0.2);
    double strangers = clamp((f.strangerShare() - t.minStrangerShare()) / (1.0 - t.minStrangerShare()));
    double strength = (volume + preference + strangers) / 3.0;
    double aggravation = Math.min(1.0, signals.aggravatingMet() / 2.0);
    double score = t.mediumScore() + (1.0 - t.mediumScore()) * (0.5 * strength + 0.5 * aggravation);
    if (signals.anyMitigatingMet()) {
      score = Math.min(score, (t.lowScore() + t.mediumScore()) / 2);
    }
    return Math.round(score * 1000.0) / 1000.0;
  }

  Optional<Severity> severityOf(double score) {
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

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
