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
  private final List<Supplier<TextPage>> models = new CopyOnWriteArrayList<>();

  public MetricsPage(PrometheusMeterRegistry meters) {
    this.meters = meters;
  }

  void add(Supplier<TextPage> model) {
    models.add(model);
  }

  /** The whole page, UTF-8 text format 0.0.4. */
  public byte[] render() {
    byte[] own = meters.scrape().getBytes(StandardCharsets.UTF_8);
    List<TextPage> parts = models.stream().map(Supplier::get).toList();
    int size = own.length;
    for (TextPage part : parts) {
      size += part.size();
    }
    byte[] page = java.util.Arrays.copyOf(own, size);
    int at = own.length;
    for (TextPage part : parts) {
      at = part.copyTo(page, at);
    }
    return page;
  }

  /** {@link #render()} as a string, for tests and tools. */
  public String text() {
    return new String(render(), StandardCharsets.UTF_8);
  }
}
