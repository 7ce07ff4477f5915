package org.targetwatch.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Reason;
import org.targetwatch.signals.SignalSet;

/**
 * An alert's reasons in plain words, largest contribution first: what each signal measured, its
 * figure, the reference it is read against (docs/detection.md, "Evidence") and what it added.
 */
final class ReasonWords {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry(SignalSet.DISTINCT_MINORS, "Distinct minors contacted"),
      Map.entry(SignalSet.DEGREE_PREFERENCE, "Share of contacted minors with more friends than 3 in 4 minors"),
      Map.entry(SignalSet.DEGREE_PREFERENCE_Z, "Preference for minors with many friends (standard score)"),
      Map.entry(SignalSet.STRANGER_SHARE, "Share of contacted minors with no mutual friend"),
      Map.entry(SignalSet.MINOR_LIFT, "Minors among the contacted, against the platform's share"),
      Map.entry(SignalSet.FAKE_PROFILE, "Young account with few friends"),
      Map.entry(SignalSet.CLAIMED_AGE_MATCH, "Declared age close to the contacted minors'"),
      Map.entry(SignalSet.DECLINE_RATE, "Share of friend requests declined"),
      Map.entry(SignalSet.ESCALATIONS, "Minors messaged after they accepted"),
      Map.entry(SignalSet.AGE_PEERS, "Established account contacting age peers (context)"),
      Map.entry(SignalSet.FRIENDS_MINORS, "The account's own friends are minors of the same age (context)"),
      Map.entry(SignalSet.TARGETS_KNOW_EACH_OTHER, "Contacted minors who know each other"),
      Map.entry(SignalSet.CO_TARGETING, "Targets shared with other accounts beyond chance (campaign)"),
      Map.entry(SignalSet.INDISCRIMINATE, "Contacts everyone regardless of age (context)"),
      Map.entry(SignalSet.MEMBERS_CONTEXT, "Context of the campaign's members"),
      Map.entry(SignalSet.PROTECTING_MINORS, "Contacted minors who blocked or reported the account"),
      Map.entry(SignalSet.OTHER_REPORTERS, "Blocked or reported by accounts it did not contact"),
      Map.entry(SignalSet.CONFIRMED_LINK, "Shares targets with an account a reviewer confirmed"));

  private ReasonWords() {}

  static List<Map<String, Object>> of(Alert alert) {
    List<Reason> reasons = new ArrayList<>(alert.getReasons());
    reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.getContribution())).reversed());
    List<Map<String, Object>> words = new ArrayList<>();
    for (Reason reason : reasons) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("signal", reason.getSignal());
      line.put("words", WORDS.getOrDefault(reason.getSignal(), reason.getSignal().replace('_', ' ')));
      line.put("value", figure(reason.getValue()));
      line.put("reference", figure(reason.getThreshold()));
      line.put("contribution", String.format(Locale.ROOT, "%+.2f", reason.getContribution()));
      line.put("raises", reason.getContribution() >= 0);
      words.add(line);
    }
    return words;
  }

  private static String figure(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
