package dev.lookout.config;

import java.net.URI;
import java.util.Objects;

/** Where alerts are sent: an Alertmanager base URL or a webhook endpoint. */
public record Receiver(URI url) {
  public Receiver {
    Objects.requireNonNull(url, "url");
  }
}
