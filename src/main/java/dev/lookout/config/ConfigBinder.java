package dev.lookout.config;

import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Mark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the top level of {@code lookout.yaml}. Each part falls back to its default after a
 * problem so that binding goes on and reports the rest; the {@link Config} is only built when
 * nothing was wrong.
 */
final class ConfigBinder {
  private static final List<String> KEYS = List.of("cluster", "listen", "scrape", "state_dir",
      "runbook_base_url", "targets", "rule_files", "alerting", "web");
  private static final String LISTEN_EXAMPLE = "127.0.0.1:9798";

  private final Binding b;
  private final Path baseDir;

  ConfigBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.baseDir = baseDir;
  }

  Optional<Config> bind(YamlNode root) {
    return topLevel(root).flatMap(this::bind);
  }

  // An empty file is an empty map: it then fails for its missing keys, which says more.
  private Optional<Mapping> topLevel(YamlNode root) {
    return root instanceof YamlNode.Null
        ? Optional.of(new Mapping(List.of(), root.mark()))
        : b.map(root, "", "cluster: demo");
  }

  private Optional<Config> bind(Mapping top) {
    b.checkKeys(top, "", KEYS);
    String cluster = b.required(top, "", "cluster")
        .flatMap(n -> b.nonEmpty(n, "cluster", "demo")).orElse("");
    Listen listen = b.optional(top, "listen").map(this::listen).orElse(Listen.DEFAULT);
    Scrape scrape = b.optional(top, "scrape").map(this::scrape).orElse(Scrape.DEFAULT);
    Path stateDir = b.optional(top, "state_dir").flatMap(n -> path(n, "state_dir", "data"))
        .orElse(baseDir.resolve("data"));
    String runbooks = b.optional(top, "runbook_base_url").flatMap(this::runbookBaseUrl).orElse("");
    List<Target> targets = b.required(top, "", "targets")
        .map(n -> new TargetBinder(b, baseDir).bind(n)).orElse(List.of());
    List<Path> ruleFiles = b.optional(top, "rule_files").map(this::ruleFiles).orElse(List.of());
    Alerting alerting = b.optional(top, "alerting").map(n -> new AlertingBinder(b, baseDir).bind(n))
        .orElse(Alerting.DEFAULT);
    Web web = b.optional(top, "web").map(n -> new WebBinder(b, baseDir).bind(n)).orElse(Web.DEFAULT);
    if (b.hasProblems()) {
      return Optional.empty();
    }
    return Optional.of(new Config(cluster, listen, scrape, stateDir, runbooks, targets, ruleFiles,
        alerting, web));
  }

  private Listen listen(YamlNode node) {
    Optional<String> text = b.string(node, "listen", LISTEN_EXAMPLE);
    if (text.isEmpty()) {
      return Listen.DEFAULT;
    }
    String hostPort = text.get();
    int colon = hostPort.lastIndexOf(':');
    // "[::1]:9798" is how a host:port with an IPv6 host is written; the brackets are not the host.
    String host = colon < 0 ? "" : hostPort.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
    String port = colon < 0 ? "" : hostPort.substring(colon + 1);
    if (host.isEmpty() || !port.matches("\\d{1,5}")) {
      b.problem(node.mark(), "listen: \"" + hostPort + "\" is not host:port (write e.g. "
          + LISTEN_EXAMPLE + ", or 0.0.0.0:9798 to listen on every interface)");
      return Listen.DEFAULT;
    }
    int number = Integer.parseInt(port);
    if (number < 0 || number > 65535) {
      b.problem(node.mark(), "listen: port " + number + " is not between 0 and 65535 (0 picks a free port)");
      return Listen.DEFAULT;
    }
    return new Listen(host, number);
  }

  private Scrape scrape(YamlNode node) {
    Mapping m = b.map(node, "scrape", "{interval: 10s, timeout: 3s}").orElse(null);
    if (m == null) {
      return Scrape.DEFAULT;
    }
    b.checkKeys(m, "scrape", List.of("interval", "timeout"));
    Optional<YamlNode> intervalNode = b.optional(m, "interval");
    Optional<YamlNode> timeoutNode = b.optional(m, "timeout");
    Optional<Duration> interval = intervalNode.map(n -> b.duration(n, "scrape.interval"))
        .orElse(Optional.of(Scrape.DEFAULT.interval()));
    Optional<Duration> timeout = timeoutNode.map(n -> b.duration(n, "scrape.timeout"))
        .orElse(Optional.of(Scrape.DEFAULT.timeout()));
    if (interval.isEmpty() || timeout.isEmpty()) {
      return Scrape.DEFAULT;
    }
    if (timeout.get().compareTo(interval.get()) > 0) {
      // Point at whichever of the two was written; a default cannot be edited.
      Mark at = timeoutNode.or(() -> intervalNode).orElseThrow().mark();
      b.problem(at, "scrape.timeout " + Durations.format(timeout.get())
          + " is longer than scrape.interval " + Durations.format(interval.get())
          + " (write a timeout no longer than the interval, so scrapes never overlap)");
      return Scrape.DEFAULT;
    }
    return new Scrape(interval.get(), timeout.get());
  }

  private Optional<String> runbookBaseUrl(YamlNode node) {
    String example = "https://example.org/runbooks";
    Optional<String> text = b.string(node, "runbook_base_url", example);
    if (text.isEmpty() || text.get().isEmpty()) {
      return text;
    }
    try {
      return Optional.of(Endpoints.httpUrl(text.get(), example).toString());
    } catch (IllegalArgumentException e) {
      b.problem(node.mark(), "runbook_base_url: " + e.getMessage());
      return Optional.empty();
    }
  }

  private List<Path> ruleFiles(YamlNode node) {
    List<Path> paths = new ArrayList<>();
    List<YamlNode> items = b.list(node, "rule_files", "[rules/restate.yaml]").orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      path(items.get(i), item("rule_files", i), "rules/restate.yaml").ifPresent(paths::add);
    }
    return paths;
  }

  /** A path from the file, relative ones taken from the config file's directory. */
  private Optional<Path> path(YamlNode node, String path, String example) {
    return new FileBinder(b, baseDir).path(node, path, example);
  }
}
