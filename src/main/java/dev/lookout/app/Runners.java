package dev.lookout.app;

import dev.lookout.config.Config;
import dev.lookout.config.JmxTarget;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Target;
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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

/** One runner per configured target, by type; the sources stay free of the agent's types. */
record Runners(List<TargetRunner<RestateSnapshot>> restate, List<TargetRunner<NatsSnapshot>> nats,
    List<TargetRunner<JmxSnapshot>> jmx) {

  static Runners build(Config config, MeterRegistry registry, MetricsPage page, Executor io,
      InstantSource clock) {
    List<TargetRunner<RestateSnapshot>> restate = new ArrayList<>();
    List<TargetRunner<NatsSnapshot>> nats = new ArrayList<>();
    List<TargetRunner<JmxSnapshot>> jmx = new ArrayList<>();
    long interval = config.scrape().interval().toMillis();
    RestateGauges restateGauges = new RestateGauges(registry, page);
    NatsGauges natsGauges = new NatsGauges(registry, page);
    for (Target target : config.targets()) {
      if (target instanceof RestateTarget r) {
        RestateSource source = new RestateSource(r.name(), r.addresses(), config.scrape().timeout(), io);
        restate.add(new TargetRunner<>(r.name(), "restate", adapt(source::scrape, source),
            restateGauges::update, new TargetMetrics(registry, r.name(), "restate"), clock, interval));
      } else if (target instanceof NatsTarget n) {
        NatsSource source = new NatsSource(n.name(), n.servers(), config.scrape().timeout(), io);
        nats.add(new TargetRunner<>(n.name(), "nats", adapt(source::scrape, source),
            natsGauges::update, new TargetMetrics(registry, n.name(), "nats"), clock, interval));
      } else if (target instanceof JmxTarget j) {
        JmxSource source = new JmxSource(j, config.scrape().timeout(), io);
        jmx.add(new TargetRunner<>(j.name(), "jmx", adapt(source::scrape, source), s -> { },
            new TargetMetrics(registry, j.name(), "jmx"), clock, interval));
      }
    }
    return new Runners(List.copyOf(restate), List.copyOf(nats), List.copyOf(jmx));
  }

  private static <S> TargetRunner.Source<S> adapt(LongFunction<S> scrape, AutoCloseable closer) {
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
