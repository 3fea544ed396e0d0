package dev.lookout.config;

import static dev.lookout.config.Binding.child;
import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the {@code alerting} section: how often alerts are re-sent, and to whom. */
final class AlertingBinder {
  private static final String PATH = "alerting";

  private final Binding b;

  AlertingBinder(Binding binding) {
    this.b = binding;
  }

  Alerting bind(YamlNode node) {
    Mapping m = b.map(node, PATH, "{resend_interval: 1m}").orElse(null);
    if (m == null) {
      return Alerting.DEFAULT;
    }
    b.checkKeys(m, PATH, List.of("resend_interval", "alertmanagers", "webhooks"));
    Duration resend = b.optional(m, "resend_interval")
        .flatMap(n -> b.duration(n, child(PATH, "resend_interval")))
        .orElse(Alerting.DEFAULT.resendInterval());
    List<Receiver> alertmanagers = b.optional(m, "alertmanagers")
        .map(n -> receivers(n, child(PATH, "alertmanagers"), "http://127.0.0.1:9093"))
        .orElse(List.of());
    List<Receiver> webhooks = b.optional(m, "webhooks")
        .map(n -> receivers(n, child(PATH, "webhooks"), "http://127.0.0.1:5001/hook"))
        .orElse(List.of());
    return new Alerting(resend, alertmanagers, webhooks);
  }

  private List<Receiver> receivers(YamlNode node, String path, String example) {
    String entry = "{url: \"" + example + "\"}";
    List<YamlNode> items = b.list(node, path, "[" + entry + "]").orElse(List.of());
    List<Receiver> receivers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = item(path, i);
      b.map(items.get(i), itemPath, entry)
          .flatMap(m -> receiver(m, itemPath, example))
          .ifPresent(receivers::add);
    }
    return receivers;
  }

  private Optional<Receiver> receiver(Mapping m, String path, String example) {
    b.checkKeys(m, path, List.of("url"));
    String urlPath = child(path, "url");
    return b.required(m, path, "url")
        .flatMap(n -> b.string(n, urlPath, "\"" + example + "\"").flatMap(text -> {
          try {
            return Optional.of(new Receiver(Endpoints.httpUrl(text, example)));
          } catch (IllegalArgumentException e) {
            b.problem(n.mark(), urlPath + ": " + e.getMessage());
            return Optional.empty();
          }
        }));
  }
}
