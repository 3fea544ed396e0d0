package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProcessorGaugesTest {
  @Test
  void aReadingIsReusedForASecond() {
    AtomicLong nanos = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    ProcessorGauges.Cached cached = new ProcessorGauges.Cached(reads::incrementAndGet, nanos::get);
    assertEquals(1.0, cached.get());
    nanos.set(999_999_999L);
    assertEquals(1.0, cached.get());
    nanos.set(1_000_000_000L);
    assertEquals(2.0, cached.get());
    assertEquals(2, reads.get());
  }

  @Test
  void servesTheNamesMicrometersProcessorMetricsUses() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ProcessorGauges.bindTo(registry);
    String page = registry.scrape();
    for (String name : new String[] {"process_cpu_usage", "system_cpu_usage", "system_load_average_1m"}) {
      assertTrue(page.lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + page);
    }
  }
}
