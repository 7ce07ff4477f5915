package org.targetwatch.replay;

import java.util.ArrayList;
import java.util.List;
import org.targetwatch.schema.Alert;

/** The alerts a replay engine has raised and not yet handed out, in the order they were raised. */
final class RaisedAlerts {
  private final List<Alert> raised = new ArrayList<>();

  void add(Alert alert) {
    raised.add(alert);
  }

  /** Hands out what was raised since the last call. */
  List<Alert> take() {
    if (raised.isEmpty()) {
      return List.of();
    }
    List<Alert> taken = List.copyOf(raised);
    raised.clear();
    return taken;
  }
}
