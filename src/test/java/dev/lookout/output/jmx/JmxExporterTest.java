package dev.lookout.output.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.alerts.Alert;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's MXBeans read back through a real RMI JMX connector on loopback. */
class JmxExporterTest {
  private static final Alert FIRING = firing();

  private JmxExporter exporter;
  private JMXConnectorServer connectorServer;
  private JMXConnector connector;
  private MBeanServerConnection connection;

  private static Alert firing() {
    Alert pending = Alert.pending(Map.of("alertname", "RestateNodeDead", "node", "N2", "severity", "critical"),
        Map.of("runbook_url", "https://rb/RestateNodeDead.md"), Instant.parse("2026-11-22T04:00:00Z"));
    return new Alert(pending.labels(), pending.annotations(), dev.lookout.alerts.AlertState.FIRING,
        pending.activeAt(), pending.activeAt().plusSeconds(30), null, pending.activeAt(), null, null);
  }

  @BeforeEach
  void start() throws Exception {
    exporter = new JmxExporter(new JmxExporter.Views(() -> true, () -> true,
        () -> List.of("restate:nodes-alive: N2:1 (node-2) is dead"),
        () -> Map.of("restate", "2026-11-22T04:00:10Z"), () -> List.of(FIRING)));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LocateRegistry.createRegistry(port);
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(url, null,
        ManagementFactory.getPlatformMBeanServer());
    connectorServer.start();
    connector = JMXConnectorFactory.connect(url);
    connection = connector.getMBeanServerConnection();
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    connectorServer.stop();
    exporter.close();
  }

  @Test
  void healthReadsBackOverTheConnector() throws Exception {
    HealthMXBean health = JMX.newMXBeanProxy(connection, new ObjectName(JmxExporter.HEALTH), HealthMXBean.class);
    assertTrue(health.isReady());
    assertFalse(health.isClusterHealthy());
    assertArrayEquals(new String[] {"restate:nodes-alive: N2:1 (node-2) is dead"}, health.getFailingChecks());
    assertEquals(Map.of("restate", "2026-11-22T04:00:10Z"), health.getTargetLastSuccess());
  }

  @Test
  void activeAlertsReadBackWithTheirRunbook() throws Exception {
    AlertsMXBean alerts = JMX.newMXBeanProxy(connection, new ObjectName(JmxExporter.ALERTS), AlertsMXBean.class);
    assertEquals(1, alerts.getFiringCount());
    assertEquals(0, alerts.getPendingCount());
    AlertInfo info = alerts.getActiveAlerts().get(0);
    assertEquals("RestateNodeDead", info.getName());
    assertEquals("firing", info.getState());
    assertEquals("https://rb/RestateNodeDead.md", info.getRunbookUrl());
    assertEquals("N2", info.getLabels().get("node"));
  }

  @Test
  void closingRemovesTheBeans() throws Exception {
    exporter.close();
    assertFalse(connection.isRegistered(new ObjectName(JmxExporter.HEALTH)));
    assertFalse(connection.isRegistered(new ObjectName(JmxExporter.ALERTS)));
  }
}
