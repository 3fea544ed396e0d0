package dev.lookout.output.http;

import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import java.util.Comparator;
import java.util.List;

/** The nodes table: dead, unreachable and not-writable nodes first and marked. */
final class NodeSection {
  private static final List<String> HEADERS =
      List.of("Node", "Name", "State", "Storage", "Roles", "Probe", "Uptime", "Version");

  private NodeSection() {}

  static String render(RestateSnapshot s) {
    List<Node> nodes = s.nodes().stream()
        .sorted(Comparator.comparingInt(NodeSection::rank).reversed().thenComparingInt(Node::id))
        .toList();
    return "<h3>Nodes <span class=\"dim\">" + nodes.size() + "</span></h3>\n"
        + Html.table("nodes-" + s.target(), HEADERS, nodes, NodeSection::row);
  }

  /** 2: the node cannot serve (not alive, probe failed, log storage unusable); 1: worth a look. */
  static int rank(Node n) {
    if (n.state() != Liveness.ALIVE || probeFailed(n) || storageRank(n) == 2) {
      return 2;
    }
    return n.probe() == Probe.NOT_PROBED || storageRank(n) == 1 ? 1 : 0;
  }

  private static boolean probeFailed(Node n) {
    return n.probe() == Probe.TIMEOUT || n.probe() == Probe.UNREACHABLE;
  }

  /** Storage matters only where the node stores log records; provisioning is on its way up. */
  private static int storageRank(Node n) {
    if (!n.hasRole("log-server") || n.storageState() == StorageState.READ_WRITE) {
      return 0;
    }
    return n.storageState() == StorageState.PROVISIONING ? 1 : 2;
  }

  private static String row(Node n) {
    return Html.row(StatusPage.rowClass(rank(n)), " data-node=\"" + n.id() + "\"",
        Html.esc(n.genId()),
        Html.esc(n.name()),
        Html.badge(n.state() == Liveness.ALIVE ? "ok" : "bad", n.state()),
        storage(n),
        Html.esc(String.join(", ", n.roles())),
        Html.badge(probeFailed(n) ? "bad" : n.probe() == Probe.OK ? "ok" : "warn", n.probe()),
        Html.duration(n.uptimeSeconds()),
        Html.val(n.version()));
  }

  private static String storage(Node n) {
    if (!n.hasRole("log-server")) {
      return "<span class=\"dim\">" + Html.esc(n.storageState()) + "</span>";
    }
    int r = storageRank(n);
    return Html.badge(r == 2 ? "bad" : r == 1 ? "warn" : "ok", n.storageState());
  }
}
