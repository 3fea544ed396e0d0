package dev.lookout.source.restate;

import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.StorageState;
import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.util.ArrayList;
import java.util.List;

/** Joins the `nodes` table with the agent's own identity probe of each node. */
final class NodeAssembler {
  private static final String[][] ROLES = {
    {"has_admin_role", "admin"}, {"has_worker_role", "worker"},
    {"has_metadata_server_role", "metadata-server"}, {"has_log_server_role", "log-server"},
    {"has_ingress_role", "http-ingress"}};

  private NodeAssembler() {}

  static List<Node> nodes(ArrowTable table, List<ProbeResult> probes) throws ArrowFormatException {
    List<Node> nodes = new ArrayList<>(table.rowCount());
    for (int row = 0; row < table.rowCount(); row++) {
      nodes.add(node(table, row, probes));
    }
    return nodes;
  }

  private static Node node(ArrowTable t, int row, List<ProbeResult> probes) throws ArrowFormatException {
    int id = NodeIds.plain(t.column("plain_node_id").string(row));
    String address = t.column("address").string(row);
    ProbeResult probe = probeOf(id, address, probes);
    long uptime = probe != null && probe.ident() != null ? probe.ident().getAgeS() : -1;
    return new Node(id, NodeIds.generation(t.column("gen_node_id").string(row)),
        orEmpty(t.column("name").string(row)), orEmpty(address), roles(t, row),
        Liveness.of(t.column("state").string(row)),
        StorageState.of(t.column("storage_state").string(row)),
        orEmpty(t.column("worker_state").string(row)),
        orEmpty(t.column("metadata_server_state").string(row)),
        orEmpty(t.column("binary_version").string(row)),
        probe == null ? Probe.NOT_PROBED : probe.probe(), uptime);
  }

  private static List<String> roles(ArrowTable t, int row) throws ArrowFormatException {
    List<String> roles = new ArrayList<>(ROLES.length);
    for (String[] role : ROLES) {
      ArrowColumn c = t.column(role[0]);
      if (!c.isNull(row) && c.bool(row)) {
        roles.add(role[1]);
      }
    }
    return roles;
  }

  /** Matched by the id the node answered with; else by address, for probes that failed. */
  private static ProbeResult probeOf(int id, String address, List<ProbeResult> probes) {
    for (ProbeResult p : probes) {
      if (p.nodeId() == id) {
        return p;
      }
    }
    if (address == null || address.isEmpty()) {
      return null;
    }
    String hostPort = ProbeResult.hostPort(address);
    for (ProbeResult p : probes) {
      if ("http".equals(p.address().getScheme())
          && hostPort.equals(ProbeResult.hostPort(p.address().toString()))) {
        return p;
      }
    }
    return null;
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
