package dev.lookout.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where one node of a local cluster listens and keeps its data. Every port derives from the
 * cluster's base port, ten per node, so clusters with distinct base ports can run side by side:
 * node n (1-based) uses {@code base + 10*(n-1)} plus 0 (ingress), 1 (admin), 2 (node-to-node),
 * 3 (pgsql).
 */
record NodeConfig(int node, String clusterName, Path baseDir, int basePort) {

  static final int PORTS_PER_NODE = 10;
  static final int PARTITIONS = 4;

  NodeConfig {
    if (node < 1) {
      throw new IllegalArgumentException("node numbers start at 1, got " + node);
    }
    if (basePort < 1024 || basePort + node * PORTS_PER_NODE > 65535) {
      throw new IllegalArgumentException("basePort " + basePort + " leaves node " + node
          + " outside 1024..65535");
    }
  }

  /** The configs of an {@code nodes}-node cluster, node 1 first. */
  static List<NodeConfig> cluster(String clusterName, Path baseDir, int nodes, int basePort) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs at least 1 node, got " + nodes);
    }
    List<NodeConfig> configs = new ArrayList<>();
    for (int n = 1; n <= nodes; n++) {
      configs.add(new NodeConfig(n, clusterName, baseDir, basePort));
    }
    return List.copyOf(configs);
  }

  String name() {
    return "node-" + node;
  }

  int ingressPort() {
    return firstPort();
  }

  int adminPort() {
    return firstPort() + 1;
  }

  int fabricPort() {
    return firstPort() + 2;
  }

  int pgsqlPort() {
    return firstPort() + 3;
  }

  /** Ports the node binds; pgsql is configured but stays closed unless enabled. */
  List<Integer> listenPorts() {
    return List.of(ingressPort(), adminPort(), fabricPort());
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + fabricPort());
  }

  Path dataDir() {
    return baseDir.resolve(name());
  }

  Path socket() {
    return dataDir().resolve("fabric.sock");
  }

  private int firstPort() {
    return basePort + (node - 1) * PORTS_PER_NODE;
  }

  /**
   * The node's TOML. Only node 1 provisions the cluster: a second provisioner would race it.
   * Replication is capped by the node count so a one-node cluster still works.
   */
  String toml(List<URI> metadataAddresses) {
    int replication = Math.min(2, metadataAddresses.size());
    String metadata = metadataAddresses.stream()
        .map(uri -> quote(uri.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    return String.join("\n",
        "node-name = " + quote(name()),
        "cluster-name = " + quote(clusterName),
        "base-dir = " + quote(baseDir.toString()),
        "auto-provision = " + (node == 1),
        "default-replication = " + replication,
        "default-num-partitions = " + PARTITIONS,
        "disable-telemetry = true",
        "advertised-address = " + quote(address().toString()),
        "bind-address = " + quote("127.0.0.1:" + fabricPort()),
        "",
        "[metadata-client]",
        "addresses = " + metadata,
        "",
        "[admin]",
        "bind-address = " + quote("127.0.0.1:" + adminPort()),
        "",
        "[admin.query-engine]",
        "pgsql-bind-address = " + quote("127.0.0.1:" + pgsqlPort()),
        "",
        "[ingress]",
        "bind-address = " + quote("127.0.0.1:" + ingressPort()),
        "");
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
