package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lookout.app.Agent;
import dev.lookout.config.Config;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.output.http.SnapshotJson;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Reads every target once and prints the cluster model as JSON; exit 1 if a target was unreadable. */
@Command(name = "snapshot", description = "Print the cluster model as JSON once and exit.")
public final class SnapshotCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() {
    Config loaded = config.load();
    if (loaded == null) {
      return ConfigOption.BAD_CONFIG;
    }
    try (Agent agent = new Agent(loaded, InstantSource.system())) {
      List<TargetSnapshot> snapshots = agent.scrapeOnce();
      ArrayNode out = new ObjectMapper().createArrayNode();
      snapshots.forEach(s -> out.add(SnapshotJson.of(s)));
      System.out.println(SnapshotJson.write(out));
      return snapshots.stream().allMatch(TargetSnapshot::readOk) ? 0 : 1;
    }
  }
}
