package dev.lookout.source.restate;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Records the answers of a real Restate node into test resources, so the in-process fake serves
 * bytes exactly as the server produced them. Run by hand against a live cluster:
 * {@code java -cp ... dev.lookout.source.restate.RecordFixtures http://127.0.0.1:5122 out-dir}.
 */
public final class RecordFixtures {
  public static void main(String[] args) throws Exception {
    URI address = URI.create(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    try (NodeChannels channels = new NodeChannels()) {
      ManagedChannel channel = channels.get(address);
      for (Queries q : Queries.ALL) {
        QueryResult r = ControlCalls.query(channel, deadline(), q.sql()).get();
        Files.write(out.resolve(q.table() + ".arrows"), r.arrowStream().toByteArray());
        System.out.printf("%s: %d bytes, warnings %s%n", q.table(), r.arrowStream().size(), r.warnings());
      }
      Files.write(out.resolve("ident.pb"), ControlCalls.getIdent(channel, deadline()).get().toByteArray());
      Files.write(out.resolve("cluster_state.pb"),
          ControlCalls.getClusterState(channel, deadline()).get().toByteArray());
      Files.write(out.resolve("cluster_configuration.pb"),
          ControlCalls.getClusterConfiguration(channel, deadline()).get().toByteArray());
      for (int log = 0; log < 4; log++) {
        Files.write(out.resolve("describe_log_" + log + ".pb"),
            ControlCalls.describeLog(channel, deadline(), log).get().toByteArray());
      }
    }
  }

  private static Deadline deadline() {
    return Deadline.after(5, TimeUnit.SECONDS);
  }
}
