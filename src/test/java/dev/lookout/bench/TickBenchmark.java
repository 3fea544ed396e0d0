package dev.lookout.bench;

import dev.lookout.app.WholeTick;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.output.metrics.MetricsPage;
import dev.lookout.output.metrics.RestateGauges;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.RuleSet;
import dev.lookout.source.restate.ClusterShape;
import dev.lookout.source.restate.RestateSource;
import dev.lookout.source.restate.SimulatedCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the tick's hot paths after the reads, on the model of a simulated cluster: every shipped
 * rule evaluated (joins included, as each tick computes them afresh), the model published as
 * gauges, and /metrics rendered. Run by {@code HotPathsBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TickBenchmark {
  /** nodes/partitions, replication 3. */
  @Param({"64/4096", "128/16384"})
  public String size;

  private RestateSnapshot snapshot;
  private List<CompiledRule> rules;
  private PrometheusMeterRegistry registry;
  private MetricsPage page;
  private RestateGauges gauges;

  @Setup
  public void scrapeOnce() throws Exception {
    String[] np = size.split("/");
    ClusterShape shape = ClusterShape.of(Integer.parseInt(np[0]), Integer.parseInt(np[1]), 3);
    try (SimulatedCluster cluster = new SimulatedCluster(shape);
        RestateSource source = cluster.source("sim", Duration.ofSeconds(30))) {
      source.scrape(0);
      snapshot = source.scrape(1);
    }
    rules = RuleSet.load(List.of(WholeTick.SHIPPED_RULES), "https://runbooks.example").rules();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    page = new MetricsPage(registry);
    gauges = new RestateGauges(registry, page);
    gauges.update(snapshot);
  }

  @TearDown
  public void close() {
    registry.close();
  }

  @Benchmark
  public int evaluateShippedRules() {
    RuleEvaluator evaluator = new RuleEvaluator();
    int matches = 0;
    for (CompiledRule rule : rules) {
      matches += evaluator.evaluate(rule, snapshot).matches().size();
    }
    return matches;
  }

  /** Renders the model's page, as each tick does. */
  @Benchmark
  public void publishGauges() {
    gauges.update(snapshot);
  }

  /** What a /metrics request costs: the meters scraped, the model's page appended. */
  @Benchmark
  public byte[] renderMetrics() {
    return page.render();
  }
}
