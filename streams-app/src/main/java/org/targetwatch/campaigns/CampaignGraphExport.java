package org.targetwatch.campaigns;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;
import org.targetwatch.schema.Alert;

/**
 * The picture of a campaign for analysts: its member accounts and the minors they targeted, as a
 * bipartite graph in GraphML (for Gephi, yEd, Cytoscape) or JSON, built from the campaign's alerts.
 * Minors targeted by two or more members are marked {@code shared}.
 */
public final class CampaignGraphExport {
  public enum Format { GRAPHML, JSON }

  private CampaignGraphExport() {}

  public static Graph<String, DefaultEdge> graphOf(List<Alert> campaignAlerts) {
    Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    for (Alert alert : campaignAlerts) {
      String member = alert.getAccountId();
      graph.addVertex(member);
      for (String minor : alert.getEvidence().getSampleTargetIds()) {
        graph.addVertex(minor);
        graph.addEdge(member, minor);
      }
    }
    return graph;
  }

  public static String export(List<Alert> campaignAlerts, Format format) {
    Graph<String, DefaultEdge> graph = graphOf(campaignAlerts);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Alert alert : campaignAlerts) {
      kinds.put(alert.getAccountId(), "account");
    }
    GraphExporter<String, DefaultEdge> exporter;
    if (format == Format.GRAPHML) {
      GraphMLExporter<String, DefaultEdge> graphMl = new GraphMLExporter<>(v -> v);
      graphMl.registerAttribute("kind", GraphMLExporter.AttributeCategory.NODE,
          org.jgrapht.nio.AttributeType.STRING);
      graphMl.setVertexAttributeProvider(v -> attributes(v, kinds, graph));
      exporter = graphMl;
    } else {
      JSONExporter<String, DefaultEdge> json = new JSONExporter<>(v -> v);
      json.setVertexAttributeProvider(v -> attributes(v, kinds, graph));
      exporter = json;
    }
    StringWriter out = new StringWriter();
    exporter.exportGraph(graph, out);
    return out.toString();
  }

  private static Map<String, Attribute> attributes(String vertex, Map<String, String> kinds,
      Graph<String, DefaultEdge> graph) {
    String kind = kinds.getOrDefault(vertex, graph.degreeOf(vertex) >= 2 ? "shared-minor" : "minor");
    return Map.of("kind", DefaultAttribute.createAttribute(kind));
  }
}
