package dev.lookout.output.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What /metrics serves: the agent's own meters, scraped from the Prometheus registry on each
 * request, followed by the cluster model's pages, which are rendered when a snapshot arrives.
 */
public final class MetricsPage {
  private final PrometheusMeterRegistry meters;
  private final List<Supplier<byte[]>> models = new CopyOnWriteArrayList<>();

  public MetricsPage(PrometheusMeterRegistry meters) {
    this.meters = meters;
  }

  void add(Supplier<byte[]> model) {
    models.add(model);
  }

  /** The whole page, UTF-8 text format 0.0.4. */
  public byte[] render() {
    byte[] own = meters.scrape().getBytes(StandardCharsets.UTF_8);
    byte[][] parts = new byte[models.size()][];
    int size = own.length;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = models.get(i).get();
      size += parts[i].length;
    }
    byte[] page = java.util.Arrays.copyOf(own, size);
    int at = own.length;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, page, at, part.length);
      at += part.length;
    }
    return page;
  }

  /** {@link #render()} as a string, for tests and tools. */
  public String text() {
    return new String(render(), StandardCharsets.UTF_8);
  }
}
