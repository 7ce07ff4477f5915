package org.targetwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The evidence graph picture: every contacted minor drawn once, above-P75 minors inside the circle, ids escaped. */
class EvidenceGraphTest {

  private static List<EvidenceGraph.Target> targets(int count) {
    List<EvidenceGraph.Target> targets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      targets.add(new EvidenceGraph.Target("m" + i, i, i % 3 == 0 ? "accepted" : "no-answer", 0));
    }
    return targets;
  }

  @Test
  void twoHundredTargetsAreTwoHundredNodesThatDoNotOverlap() {
    EvidenceGraph graph = new EvidenceGraph("a1", 150, targets(200), List.of(List.of("m1", "m2")),
        List.of(new EvidenceGraph.CampaignMember("a2", "alert-2", Set.of("m5", "m6"))));
    String svg = graph.svg();

    assertThat(graph.nodeCount()).isEqualTo(202);
    assertThat(count(svg, "class=\"node target")).isEqualTo(200);
    assertThat(count(svg, "class=\"node campaign\"")).isEqualTo(1);
    assertThat(count(svg, "class=\"shared\"")).isEqualTo(2);
    assertThat(count(svg, "class=\"friends\"")).isEqualTo(1);
    List<double[]> centres = new ArrayList<>();
    Matcher circle = Pattern.compile("node target[^>]*><circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"([0-9.]+)\"")
        .matcher(svg);
    while (circle.find()) {
      centres.add(new double[] {Double.parseDouble(circle.group(1)), Double.parseDouble(circle.group(2)),
          Double.parseDouble(circle.group(3))});
    }
    assertThat(centres).hasSize(200);
    for (int i = 0; i < centres.size(); i++) {
      for (int j = i + 1; j < centres.size(); j++) {
        double[] a = centres.get(i);
        double[] b = centres.get(j);
        assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).as("nodes %d and %d", i, j).isGreaterThan(a[2] + b[2]);
      }
    }
  }

  @Test
  void minorsAboveTheUpperQuartileAreInsideTheDashedCircle() {
    EvidenceGraph graph = new EvidenceGraph("a1", 49.5, targets(100), List.of(), List.of());
    String svg = graph.svg();
    Matcher p75 = Pattern.compile("class=\"p75\" cx=\"0\" cy=\"0\" r=\"([0-9.]+)\"").matcher(svg);
    assertThat(p75.find()).isTrue();
    double radius = Double.parseDouble(p75.group(1));
    Matcher node = Pattern.compile("data-id=\"m(\\d+)\"><circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"").matcher(svg);
    int seen = 0;
    while (node.find()) {
      int degree = Integer.parseInt(node.group(1));
      double distance = Math.hypot(Double.parseDouble(node.group(2)), Double.parseDouble(node.group(3)));
      assertThat(distance < radius).as("m%d (degree %d) inside the P75 circle", degree, degree).isEqualTo(degree > 49.5);
      seen++;
    }
    assertThat(seen).isEqualTo(100);
  }

  @Test
  void idsAreEscaped() {
    EvidenceGraph graph = new EvidenceGraph("a<script>", 10, List.of(new EvidenceGraph.Target("m\"1&", 3, "declined", 0)),
        List.of(), List.of());
    assertThat(graph.svg()).doesNotContain("<script>").contains("a&lt;script&gt;").contains("m&quot;1&amp;");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
