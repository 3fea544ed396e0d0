package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.nats.NatsSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded scenario, served over real HTTP, read into the model. */
class RecordedScenariosTest {
  static NatsSnapshot scrape(String scenario, Map<String, FixtureCluster.Absent> absent)
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (FixtureCluster cluster = new FixtureCluster(scenario, absent);
        NatsSource source = new NatsSource("nats", cluster.urls(), Duration.ofMillis(2000), executor)) {
      return source.scrape(1_000L);
    } finally {
      executor.shutdownNow();
    }
  }

  /** Nodes the recording left out, as the scenario's name says they were. */
  static Map<String, FixtureCluster.Absent> absent(String scenario) {
    String name = scenario.substring(scenario.indexOf('/') + 1);
    return switch (name) {
      case "02_follower_sigstopped_75s" -> Map.of("n2", FixtureCluster.Absent.HUNG);
      case "06_follower_killed_20s", "07_follower_killed_offline_230s",
          "08_follower_sigterm_graceful_2s" -> Map.of("n2", FixtureCluster.Absent.DOWN);
      case "16_two_of_three_down_3s", "17_two_of_three_down_25s_LEADERLESS" ->
          Map.of("n1", FixtureCluster.Absent.DOWN, "n2", FixtureCluster.Absent.DOWN);
      case "13_ft_mode_standby_took_over" -> Map.of("n1", FixtureCluster.Absent.DOWN);
      default -> Map.of();
    };
  }

  static List<String> scenarios() throws IOException {
    Path root = FixtureCluster.dir("");
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.flatMap(RecordedScenariosTest::children)
          .filter(p -> Files.exists(p.resolve("_status.txt")))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void eachScenarioReadsAsExpected(String scenario) throws Exception {
    List<String> actual = Describe.lines(scrape(scenario, absent(scenario)));
    if (Boolean.getBoolean("nats.fixtures.print")) {
      System.out.println("=== " + scenario);
      actual.forEach(System.out::println);
    }
    Path expected = FixtureCluster.dir("expected").resolve(scenario.replace('/', '_') + ".txt");
    assertEquals(Files.readAllLines(expected), actual, scenario);
  }
}
