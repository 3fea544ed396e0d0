package dev.lookout.app;

import dev.lookout.config.Config;
import dev.lookout.config.JmxTarget;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Target;
import dev.lookout.config.TlsFiles;
import dev.lookout.model.JmxSnapshot;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.output.metrics.MetricsPage;
import dev.lookout.output.metrics.NatsGauges;
import dev.lookout.output.metrics.RestateGauges;
import dev.lookout.output.metrics.TargetMetrics;
import dev.lookout.source.jmx.JmxSource;
import dev.lookout.source.nats.NatsSource;
import dev.lookout.source.restate.RestateSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

/** One runner per configured target, by type; the sources stay free of the agent's types. */
record Runners(List<TargetRunner<RestateSnapshot>> restate, List<TargetRunner<NatsSnapshot>> nats,
    List<TargetRunner<JmxSnapshot>> jmx) {

  /** The most a source takes past its deadline (Restate's grace, the larger one). */
  static final Duration READ_GRACE = Duration.ofMillis(250);

  /** Makes each target's reader: over the network in the agent, over in-process fakes in tests. */
  interface Readers {
    TargetRunner.Source<RestateSnapshot> restate(RestateTarget target, Duration timeout, Executor io);

    TargetRunner.Source<NatsSnapshot> nats(NatsTarget target, Duration timeout, Executor io);
  }

  /** Readers of the real systems. */
  static final Readers NETWORK = new Readers() {
    @Override
    public TargetRunner.Source<RestateSnapshot> restate(RestateTarget r, Duration timeout, Executor io) {
      RestateSource source = new RestateSource(r.name(), r.addresses(), timeout, io,
          r.tls().map(TlsFiles::load));
      return adapt(source::scrape, source);
    }

    @Override
    public TargetRunner.Source<NatsSnapshot> nats(NatsTarget n, Duration timeout, Executor io) {
      NatsSource source = NatsSource.withTls(n.name(), n.servers(), timeout, io,
          n.tls().map(t -> t.load().sslContext()));
      return adapt(source::scrape, source);
    }
  };

  static Runners build(Config config, MeterRegistry registry, MetricsPage page, Executor io,
      InstantSource clock) {
    return build(config, registry, page, io, clock, NETWORK);
  }

  static Runners build(Config config, MeterRegistry registry, MetricsPage page, Executor io,
      InstantSource clock, Readers readers) {
    List<TargetRunner<RestateSnapshot>> restate = new ArrayList<>();
    List<TargetRunner<NatsSnapshot>> nats = new ArrayList<>();
    List<TargetRunner<JmxSnapshot>> jmx = new ArrayList<>();
    Duration timeout = readTimeout(config.scrape().interval(), config.scrape().timeout());
    RestateGauges restateGauges = new RestateGauges(registry, page);
    NatsGauges natsGauges = new NatsGauges(registry, page);
    for (Target target : config.targets()) {
      if (target instanceof RestateTarget r) {
        restate.add(new TargetRunner<>(r.name(), "restate", readers.restate(r, timeout, io),
            restateGauges::update, new TargetMetrics(registry, r.name(), "restate"), clock));
      } else if (target instanceof NatsTarget n) {
        nats.add(new TargetRunner<>(n.name(), "nats", readers.nats(n, timeout, io),
            natsGauges::update, new TargetMetrics(registry, n.name(), "nats"), clock));
      } else if (target instanceof JmxTarget j) {
        JmxSource source = new JmxSource(j, timeout, io);
        jmx.add(new TargetRunner<>(j.name(), "jmx", adapt(source::scrape, source), s -> { },
            new TargetMetrics(registry, j.name(), "jmx"), clock));
      }
    }
    return new Runners(List.copyOf(restate), List.copyOf(nats), List.copyOf(jmx));
  }

  /**
   * The deadline handed to the sources. They take up to {@link #READ_GRACE} past it to collect
   * answers already on their way, so a timeout as long as the interval (which the configuration
   * allows) would make every read of a hung node outlast its slot and the target's ticks drift
   * further behind each time; it is cut to leave that grace inside the interval.
   */
  static Duration readTimeout(Duration interval, Duration timeout) {
    Duration room = interval.minus(READ_GRACE);
    return timeout.compareTo(room) <= 0 || room.compareTo(interval.dividedBy(4)) < 0 ? timeout : room;
  }

  static <S> TargetRunner.Source<S> adapt(LongFunction<S> scrape, AutoCloseable closer) {
    return new TargetRunner.Source<>() {
      @Override
      public S scrape(long nowMillis) {
        return scrape.apply(nowMillis);
      }

      @Override
      public void close() {
        try {
          closer.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing a target's source failed", e);
        }
      }
    };
  }

  List<TargetRunner<?>> all() {
    List<TargetRunner<?>> all = new ArrayList<>(restate);
    all.addAll(nats);
    all.addAll(jmx);
    return all;
  }
}
