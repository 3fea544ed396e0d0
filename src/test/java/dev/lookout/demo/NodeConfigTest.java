package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  private final List<NodeConfig> cluster =
      NodeConfig.cluster("demo", Path.of("/tmp/w/data"), 3, 16100);

  @Test
  void portsDeriveFromBasePortTenPerNode() {
    NodeConfig second = cluster.get(1);
    assertEquals("node-2", second.name());
    assertEquals(16110, second.ingressPort());
    assertEquals(16111, second.adminPort());
    assertEquals(16112, second.fabricPort());
    assertEquals(16113, second.pgsqlPort());
    assertEquals(Path.of("/tmp/w/data/node-2/fabric.sock"), second.socket());
  }

  @Test
  void onlyFirstNodeProvisions() {
    List<URI> addresses = cluster.stream().map(NodeConfig::address).collect(Collectors.toList());
    assertTrue(cluster.get(0).toml(addresses).contains("auto-provision = true\n"));
    assertTrue(cluster.get(2).toml(addresses).contains("auto-provision = false\n"));
  }

  @Test
  void tomlBindsLoopbackOnly() {
    List<URI> addresses = cluster.stream().map(NodeConfig::address).collect(Collectors.toList());
    String toml = cluster.get(0).toml(addresses);
    assertTrue(toml.contains("bind-address = \"127.0.0.1:16102\""), toml);
    assertTrue(toml.contains("addresses = [\"http://127.0.0.1:16102\", \"http://127.0.0.1:16112\","
        + " \"http://127.0.0.1:16122\"]"), toml);
    assertTrue(toml.contains("[admin]\nbind-address = \"127.0.0.1:16101\""), toml);
    assertTrue(toml.contains("[ingress]\nbind-address = \"127.0.0.1:16100\""), toml);
    assertTrue(toml.contains("base-dir = \"/tmp/w/data\""), toml);
  }

  @Test
  void singleNodeUsesReplicationOne() {
    NodeConfig only = NodeConfig.cluster("demo", Path.of("/d"), 1, 20000).get(0);
    assertTrue(only.toml(List.of(only.address())).contains("default-replication = 1\n"));
  }

  @Test
  void rejectsPortsOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NodeConfig.cluster("demo", Path.of("/d"), 3, 65520));
    assertEquals("basePort 65520 leaves node 2 outside 1024..65535", e.getMessage());
  }
}
