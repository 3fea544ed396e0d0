package dev.lookout.output.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.TargetSnapshot;
import java.time.Instant;

/**
 * The cluster model as JSON, for `/api/v1/snapshot` and `lookout snapshot`. Records serialise
 * as they are; replicas also carry their derived figures so a reader need not recompute them.
 */
public final class SnapshotJson {
  /** The one mapper of the HTTP views: enums written as Restate's and Lookout's own words. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

  private SnapshotJson() {}

  /** Restate snapshots with their derived figures; others (NATS) as their records are. */
  public static ObjectNode of(TargetSnapshot s) {
    if (s instanceof RestateSnapshot r) {
      return of(r);
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("target", s.target());
    root.put("type", s.getClass().getSimpleName().replace("Snapshot", "").toLowerCase(java.util.Locale.ROOT));
    root.put("at", Instant.ofEpochMilli(s.atMillis()).toString());
    root.setAll((ObjectNode) MAPPER.valueToTree(s));
    return root;
  }

  public static ObjectNode of(RestateSnapshot s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("target", s.target());
    root.put("type", "restate");
    root.put("at", Instant.ofEpochMilli(s.atMillis()).toString());
    root.put("queried_node", s.queriedNode());
    root.put("partial", s.partial());
    root.set("nodes", MAPPER.valueToTree(s.nodes()));
    root.set("logs", MAPPER.valueToTree(s.logs()));
    root.set("partitions", MAPPER.valueToTree(s.partitions()));
    root.set("replicas", replicas(s));
    root.set("config", MAPPER.valueToTree(s.config()));
    root.set("errors", MAPPER.valueToTree(s.errors()));
    root.set("warnings", MAPPER.valueToTree(s.warnings()));
    return root;
  }

  private static ArrayNode replicas(RestateSnapshot s) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Replica r : s.replicas()) {
      ObjectNode node = MAPPER.valueToTree(r);
      node.put("lag", r.lag());
      node.put("trimDistance", s.trimDistance(r));
      node.put("recordsSinceSnapshot", s.recordsSinceSnapshot(r));
      array.add(node);
    }
    return array;
  }

  public static String write(Object tree) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }
}
