package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lookout.model.SourceError;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.output.metrics.TargetMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A read that fails keeps the last good one, and the status says when that was. */
class TargetRunnerTest {
  private record Read(String target, long atMillis, boolean readOk, List<SourceError> errors)
      implements TargetSnapshot {}

  @Test
  void aFailedReadKeepsTheLastSuccess() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T04:00:00Z"));
    Deque<Boolean> outcomes = new ArrayDeque<>(List.of(true, false));
    TargetRunner.Source<Read> source = new TargetRunner.Source<>() {
      @Override
      public Read scrape(long nowMillis) {
        boolean ok = outcomes.removeFirst();
        return new Read("t", nowMillis, ok, ok ? List.of()
            : List.of(new SourceError("read", SourceError.Reason.TIMEOUT, "no answer")));
      }

      @Override
      public void close() {}
    };
    TargetRunner<Read> runner = new TargetRunner<>("t", "test", source, r -> { },
        new TargetMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "t", "test"),
        (InstantSource) now::get);
    runner.tick();
    now.set(Instant.parse("2026-11-22T04:00:10Z"));
    runner.tick();
    TargetStatus status = runner.status();
    assertFalse(status.up());
    assertEquals("2026-11-22T04:00:10Z", status.lastScrape());
    assertEquals("2026-11-22T04:00:00Z", status.lastSuccess());
    assertEquals(List.of("read: timeout: no answer"), status.lastErrors());
    assertEquals(Instant.parse("2026-11-22T04:00:00Z").toEpochMilli(), runner.snapshot().atMillis());
  }
}
