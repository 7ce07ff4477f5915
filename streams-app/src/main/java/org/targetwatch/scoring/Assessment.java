package org.targetwatch.scoring;

import java.util.Optional;
import org.targetwatch.schema.Severity;
import org.targetwatch.signals.SignalSet;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/** The verdict on one sender in one window: the score, its severity (if any) and what it rests on. */
public record Assessment(WindowSpec window, WindowFigures figures, SignalSet signals, double score,
    Optional<Severity> severity) {

  public boolean isAlert() {
    return severity.isPresent();
  }
}
