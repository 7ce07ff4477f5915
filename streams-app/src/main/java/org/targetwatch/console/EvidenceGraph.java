package org.targetwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.targetwatch.schema.Alert;

/**
 * The evidence graph picture, drawn on the server as SVG (no script, readable at hundreds of
 * targets): the account in the middle; the minors it contacted since the alert's window began on
 * rings around it, the most-befriended nearest, those above the minors' upper quartile (P75) inside
 * the dashed circle, sized by degree and coloured by their response; links between targets who are
 * friends of each other; and the other accounts of its campaign outside, linked to the targets they
 * share. Ids appear as tooltips and, on small graphs, as labels: opaque ids only.
 */
final class EvidenceGraph {
  private static final double FIRST_RING = 80;
  private static final double RING_GAP = 34;
  private static final double NODE_SPACING = 26;
  private static final double MARGIN = 120;

  /** One contacted minor as drawn. */
  record Target(String id, int degree, String response, int mutualFriends) {}

  /** Another account of the campaign and the targets it shares with this one. */
  record CampaignMember(String accountId, String alertId, Set<String> sharedTargets) {}

  private final String accountId;
  private final double upperQuartile;
  private final List<Target> targets;
  private final List<List<String>> links;
  private final List<CampaignMember> campaign;

  EvidenceGraph(String accountId, double upperQuartile, List<Target> targets, List<List<String>> links,
      List<CampaignMember> campaign) {
    this.accountId = accountId;
    this.upperQuartile = upperQuartile;
    this.targets = targets.stream().sorted(Comparator.comparingInt(Target::degree).reversed().thenComparing(Target::id))
        .toList();
    this.links = links;
    this.campaign = campaign;
  }

  /** The graph of an alert from the account's state (its lookup answer) and the other alerts of its campaign. */
  static EvidenceGraph of(Alert alert, JsonNode state, List<Alert> campaignAlerts) {
    Instant from = alert.getWindowStart();
    Map<String, Target> targets = new LinkedHashMap<>();
    for (JsonNode t : state.path("targets")) {
      if (t.path("minor").asBoolean() && !Instant.parse(t.path("firstContactAt").asText()).isBefore(from)) {
        targets.put(t.path("id").asText(), new Target(t.path("id").asText(), t.path("degree").asInt(), response(t),
            t.path("mutualFriends").asInt()));
      }
    }
    for (String sampled : alert.getEvidence().getSampleTargetIds()) {
      targets.putIfAbsent(sampled, new Target(sampled, -1, "unknown", 0));
    }
    List<List<String>> links = new ArrayList<>();
    for (JsonNode pair : state.path("targetsKnowEachOther")) {
      String a = pair.path(0).asText();
      String b = pair.path(1).asText();
      if (targets.containsKey(a) && targets.containsKey(b)) {
        links.add(List.of(a, b));
      }
    }
    Map<String, CampaignMember> members = new LinkedHashMap<>();
    for (Alert other : campaignAlerts) {
      if (other.getAccountId().equals(alert.getAccountId()) || members.containsKey(other.getAccountId())) {
        continue;
      }
      Set<String> theirs = new LinkedHashSet<>(other.getEvidence().getSampleTargetIds());
      theirs.addAll(other.getEvidence().getCampaignSharedTargets());
      theirs.retainAll(targets.keySet());
      members.put(other.getAccountId(), new CampaignMember(other.getAccountId(), other.getAlertId(), theirs));
    }
    return new EvidenceGraph(alert.getAccountId(), alert.getEvidence().getPopulationMinorDegreeP75(),
        List.copyOf(targets.values()), links, List.copyOf(members.values()));
  }

  /** The strongest response a target gave, in the order a reviewer cares about. */
  static String response(JsonNode target) {
    if (target.path("reported").asBoolean() || target.path("blocked").asBoolean()) {
      return "reported";
    }
    if (target.path("escalated").asBoolean()) {
      return "escalated";
    }
    if (target.path("accepted").asBoolean()) {
      return "accepted";
    }
    if (target.path("declined").asBoolean() || target.path("removed").asBoolean()) {
      return "declined";
    }
    return "no-answer";
  }

  int nodeCount() {
    return 1 + targets.size() + campaign.size();
  }

  List<Target> targets() {
    return targets;
  }

  String svg() {
    Map<String, double[]> at = new LinkedHashMap<>();
    List<double[]> rings = new ArrayList<>();
    double radius = FIRST_RING;
    int index = 0;
    double quartileRadius = -1;
    boolean above = true;
    while (index < targets.size()) {
      boolean groupAbove = isAbove(targets.get(index));
      if (above && !groupAbove) {
        if (index > 0) {
          quartileRadius = radius - RING_GAP / 2;
        }
        above = false;
      }
      int capacity = Math.max(6, (int) Math.floor(2 * Math.PI * radius / NODE_SPACING));
      List<Target> ring = new ArrayList<>();
      while (index < targets.size() && ring.size() < capacity && isAbove(targets.get(index)) == groupAbove) {
        ring.add(targets.get(index++));
      }
      for (int i = 0; i < ring.size(); i++) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / ring.size() + (rings.size() % 2) * Math.PI / ring.size();
        at.put(ring.get(i).id(), new double[] {radius * Math.cos(angle), radius * Math.sin(angle)});
      }
      rings.add(new double[] {radius});
      radius += RING_GAP;
    }
    if (quartileRadius < 0 && !targets.isEmpty() && isAbove(targets.get(targets.size() - 1))) {
      quartileRadius = radius - RING_GAP / 2;
    }
    double outer = radius + 40;
    Map<String, double[]> campaignAt = new LinkedHashMap<>();
    for (int i = 0; i < campaign.size(); i++) {
      double angle = -Math.PI * 0.75 + Math.PI * 0.5 * (campaign.size() == 1 ? 0.5 : (double) i / (campaign.size() - 1));
      campaignAt.put(campaign.get(i).accountId(), new double[] {outer * Math.cos(angle), outer * Math.sin(angle)});
    }
    double half = outer + MARGIN;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"evidence-graph\" viewBox=\"%.0f %.0f %.0f %.0f\""
            + " width=\"100%%\" role=\"img\" aria-label=\"evidence graph of %s: %d minors, %d campaign accounts\">",
        -half, -half, 2 * half, 2 * half, escape(accountId), targets.size(), campaign.size()));
    legend(svg, -half + 10, -half + 20, upperQuartile);
    if (quartileRadius > 0) {
      svg.append(String.format(Locale.ROOT, "<circle class=\"p75\" cx=\"0\" cy=\"0\" r=\"%.1f\" fill=\"none\""
          + " stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>", quartileRadius));
    }
    for (Target t : targets) {
      double[] p = at.get(t.id());
      svg.append(String.format(Locale.ROOT, "<line class=\"contact\" x1=\"0\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#bbb\" stroke-width=\"0.6\"/>", p[0], p[1]));
    }
    for (List<String> link : links) {
      double[] a = at.get(link.get(0));
      double[] b = at.get(link.get(1));
      svg.append(String.format(Locale.ROOT, "<line class=\"friends\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#e67e22\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>", a[0], a[1], b[0], b[1]));
    }
    for (CampaignMember member : campaign) {
      double[] m = campaignAt.get(member.accountId());
      for (String shared : member.sharedTargets()) {
        double[] p = at.get(shared);
        svg.append(String.format(Locale.ROOT, "<line class=\"shared\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
            + " stroke=\"#2e86de\" stroke-width=\"1\"/>", m[0], m[1], p[0], p[1]));
      }
    }
    boolean labelled = targets.size() <= 40;
    for (Target t : targets) {
      double[] p = at.get(t.id());
      String title = t.id() + " · " + (t.degree() < 0 ? "degree unknown" : t.degree() + " friends") + " · "
          + t.response().replace('-', ' ') + " · " + t.mutualFriends() + " mutual friends";
      svg.append(String.format(Locale.ROOT, "<g class=\"node target %s\" data-id=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\""
          + " r=\"%.1f\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.8\"/><title>%s</title>", t.response(),
          escape(t.id()), p[0], p[1], size(t), colour(t.response()), escape(title)));
      if (labelled) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\""
            + " fill=\"#333\">%s</text>", p[0], p[1] + size(t) + 10, escape(shorten(t.id()))));
      }
      svg.append("</g>");
    }
    for (CampaignMember member : campaign) {
      double[] m = campaignAt.get(member.accountId());
      svg.append(String.format(Locale.ROOT, "<g class=\"node campaign\" data-id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\""
          + " width=\"18\" height=\"18\" fill=\"#2e86de\" stroke=\"#1b4f72\"/><title>%s · same campaign · %d shared"
          + " targets</title><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b4f72\">%s</text></g>",
          escape(member.accountId()), m[0] - 9, m[1] - 9, escape(member.accountId()), member.sharedTargets().size(),
          m[0], m[1] - 14, escape(shorten(member.accountId()))));
    }
    svg.append(String.format(Locale.ROOT, "<g class=\"node account\" data-id=\"%s\"><circle cx=\"0\" cy=\"0\" r=\"16\""
        + " fill=\"#2c3e50\" stroke=\"#000\"/><title>%s · the alerted account</title><text x=\"0\" y=\"32\""
        + " font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#2c3e50\">%s</text></g>",
        escape(accountId), escape(accountId), escape(shorten(accountId))));
    svg.append("</svg>");
    return svg.toString();
  }

  private boolean isAbove(Target t) {
    return t.degree() > upperQuartile;
  }

  private double size(Target t) {
    if (t.degree() < 0) {
      return 4;
    }
    return Math.max(3, Math.min(12, 3 + 5 * Math.sqrt(t.degree() / Math.max(upperQuartile, 1))));
  }

  static String colour(String response) {
    return switch (response) {
      case "reported" -> "#8e44ad";
      case "escalated" -> "#c0392b";
      case "accepted" -> "#f39c12";
      case "declined" -> "#95a5a6";
      case "unknown" -> "#ffffff";
      default -> "#aed6f1";
    };
  }

  private static void legend(StringBuilder svg, double x, double y, double upperQuartile) {
    String[][] entries = {{"escalated", "accepted, then messaged"}, {"accepted", "accepted"}, {"reported", "blocked or reported"},
        {"declined", "declined or removed"}, {"no-answer", "no answer yet"}, {"unknown", "in the alert's sample, not in state"}};
    for (int i = 0; i < entries.length; i++) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"#333\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%s</text>", x + 5, y + i * 16, colour(entries[i][0]),
          x + 15, y + i * 16 + 4, entries[i][1]));
    }
    double below = y + entries.length * 16 + 4;
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">inside the dashed"
        + " circle: more friends than the minors' P75 (%s); size: friends</text>", x, below, figure(upperQuartile)));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">orange dashes:"
        + " targets who are friends; blue squares: other accounts of the campaign</text>", x, below + 15));
  }

  private static String shorten(String id) {
    return id.length() <= 14 ? id : id.substring(0, 13) + "…";
  }

  private static String figure(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
