package dev.lookout.output.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What /metrics serves: the agent's own meters, scraped from the Prometheus registry, followed by
 * the cluster model's series, written from the newest snapshots as the page is sent.
 */
public final class MetricsPage {
  /** One part of the page after the meters. */
  interface Part {
    void writeTo(TextPage page) throws IOException;
  }

  private final PrometheusMeterRegistry meters;
  private final List<Part> models = new CopyOnWriteArrayList<>();

  public MetricsPage(PrometheusMeterRegistry meters) {
    this.meters = meters;
  }

  void add(Part model) {
    models.add(model);
  }

  /** Writes the whole page, UTF-8 text format 0.0.4, to {@code out} in pieces. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(meters.scrape().getBytes(StandardCharsets.UTF_8));
    TextPage page = TextPage.streaming(out);
    for (Part model : models) {
      model.writeTo(page);
    }
    page.flush();
  }

  /** The whole page at once, for tools and tests. */
  public byte[] render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@link #render()} as a string, for tests and tools. */
  public String text() {
    return new String(render(), StandardCharsets.UTF_8);
  }
}
