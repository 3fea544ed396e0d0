package dev.lookout.source.restate;

import dev.lookout.model.Replica;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowStreamReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the source's hot paths at 128 nodes / 16,384 partitions x 3 replicas: the partition_state
 * stream to replicas (decode and model), and one node's /metrics page to the samples kept.
 * Run by {@code HotPathsBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {
  private byte[] partitionState;
  private String nodePage;

  @Setup
  public void build() {
    ClusterShape shape = ClusterShape.of(128, 16_384, 3);
    partitionState = SimulatedTables.of(shape).get(Queries.PARTITION_STATE);
    nodePage = new SimulatedPages(Recording.healthy().metricsPage).page(shape, 1);
  }

  @Benchmark
  public List<Replica> decodePartitionState() throws ArrowFormatException {
    return PartitionAssembler.replicas(ArrowStreamReader.read(ByteBuffer.wrap(partitionState)));
  }

  @Benchmark
  public MetricsPages.Page parseNodePage() {
    return MetricsPages.page(nodePage, "N1");
  }
}
