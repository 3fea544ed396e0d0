package dev.lookout.source.nats;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real 3-node JetStream cluster of Debian's nats-server on loopback, for end-to-end tests. Ports
 * are derived from one base so tests can run clusters side by side: client base+i, monitoring
 * base+100+i, routes base+200+i.
 */
public final class NatsTestCluster implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/nats-server");

  private final Path dir;
  private final int base;
  private final Map<String, Process> nodes = new LinkedHashMap<>();

  private NatsTestCluster(Path dir, int base) {
    this.dir = dir;
    this.base = base;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  public static NatsTestCluster start(Path dir, int base) throws IOException {
    NatsTestCluster cluster = new NatsTestCluster(dir, base);
    for (int i = 0; i < 3; i++) {
      cluster.nodes.put("n" + (i + 1), cluster.startNode(i));
    }
    for (int i = 0; i < 3; i++) {
      cluster.awaitListening(cluster.clientPort(i));
    }
    return cluster;
  }

  /** The servers take a moment to open their ports; a test must not race them. */
  private void awaitListening(int port) throws IOException {
    long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (true) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (System.nanoTime() > end) {
          throw new IOException("nats-server did not listen on " + port + " within 20 s", e);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for nats-server", interrupted);
        }
      }
    }
  }

  private Process startNode(int i) throws IOException {
    List<String> routes = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      if (j != i) {
        routes.add("nats://127.0.0.1:" + (base + 200 + j));
      }
    }
    String name = "n" + (i + 1);
    return new ProcessBuilder(BINARY.toString(), "-a", "127.0.0.1", "-p", "" + (base + i),
        "-m", "" + (base + 100 + i), "--cluster", "nats://127.0.0.1:" + (base + 200 + i),
        "--routes", String.join(",", routes), "--cluster_name", "lookout-e2e", "-js",
        "-sd", dir.resolve(name).toString(), "--server_name", name)
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  /** Monitoring URLs by server name. */
  public Map<String, URI> monitorUrls() {
    Map<String, URI> urls = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      urls.put("n" + (i + 1), URI.create("http://127.0.0.1:" + (base + 100 + i)));
    }
    return urls;
  }

  /** Client port of the i-th server (0-based). */
  public int clientPort(int i) {
    return base + i;
  }

  /** Creates a file-backed stream on `<name lowercase>.>`, retrying while the meta leader is elected. */
  public String createStream(String name, int replicas) throws Exception {
    String request = "{\"name\":\"" + name + "\",\"subjects\":[\"" + name.toLowerCase(java.util.Locale.ROOT)
        + ".>\"],\"num_replicas\":" + replicas + ",\"storage\":\"file\"}";
    String created = "";
    for (int attempt = 0; attempt < 60 && !created.contains("\"config\""); attempt++) {
      // Until a meta leader is elected the API either errs or does not answer at all.
      try (MiniNatsClient client = new MiniNatsClient(clientPort(0))) {
        created = client.request("$JS.API.STREAM.CREATE." + name, request);
      } catch (java.net.SocketTimeoutException notYet) {
        created = "";
      }
      if (!created.contains("\"config\"")) {
        Thread.sleep(500);
      }
    }
    return created;
  }

  /** Publishes {@code count} messages to the subject through server 3; returns the last ack. */
  public String publish(String subject, int count) throws IOException {
    String ack = "";
    try (MiniNatsClient client = new MiniNatsClient(clientPort(2))) {
      for (int i = 0; i < count; i++) {
        ack = client.request(subject, "{\"n\":" + i + "}");
      }
    }
    return ack;
  }

  public void kill(String name) throws InterruptedException {
    nodes.get(name).destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    nodes.values().forEach(Process::destroyForcibly);
  }
}
