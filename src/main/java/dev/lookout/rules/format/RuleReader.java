package dev.lookout.rules.format;

import dev.lookout.config.YamlNode;
import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds one {@code rules[]} item; reports through its parser and never stops at the first fault. */
final class RuleReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String SCOPES = "cluster, node, log, partition, replica, sample";

  private final RuleFileParser p;

  RuleReader(RuleFileParser parser) {
    this.p = parser;
  }

  Optional<RuleSpec> rule(YamlNode node, String path) {
    Optional<Mapping> found = p.map(node, path, "{alert: ..., each: node, expr: ...}");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    p.checkKeys(m, path, RuleFileParser.RULE_KEYS);
    Optional<String> alert = p.required(m, path, "alert").flatMap(a -> name(a, path + ".alert"));
    Optional<Scope> each = p.required(m, path, "each").flatMap(e -> scope(e, path + ".each"));
    Optional<Expression> expr = p.required(m, path, "expr").flatMap(e -> expr(e, path));
    Optional<Duration> pending = duration(m, path, "for");
    Optional<Duration> keep = duration(m, path, "keep_firing_for");
    Optional<List<Param>> params = params(m, path);
    Optional<Map<String, String>> labels = labels(m, path);
    Optional<Severity> severity = labels.flatMap(l -> severity(m, l, path));
    Optional<Map<String, Template>> annotations = each.isPresent() && labels.isPresent()
        && params.isPresent() ? annotations(m, path, each.get(), labels.get(), params.get())
        : Optional.empty();
    if (alert.isEmpty() || each.isEmpty() || expr.isEmpty() || pending.isEmpty()
        || keep.isEmpty() || severity.isEmpty() || annotations.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RuleSpec(alert.get(), p.pos(m.get("alert").get().value()), each.get(),
        expr.get(), pending.get(), keep.get(), params.get(), labels.get(), severity.get(),
        annotations.get()));
  }

  private Optional<String> name(YamlNode node, String path) {
    Optional<String> text = p.text(node, path, "RestateLogServerDataLoss", true);
    if (text.isPresent() && !NAME.matcher(text.get()).matches()) {
      p.problem(p.pos(node), path + ": \"" + text.get() + "\" is not a valid name (use letters, "
          + "digits and _, not starting with a digit, e.g. RestateLogServerDataLoss)");
      return Optional.empty();
    }
    return text;
  }

  private Optional<Scope> scope(YamlNode node, String path) {
    Optional<String> text = p.text(node, path, "node", true);
    Optional<Scope> scope = text.flatMap(Scope::of);
    if (text.isPresent() && scope.isEmpty()) {
      p.problem(p.pos(node), "unknown scope \"" + text.get() + "\" for " + path
          + " (write one of: " + SCOPES + ")");
    }
    return scope;
  }

  private Optional<Expression> expr(YamlNode node, String path) {
    return p.text(node, path + ".expr", "node.storageState == \"data-loss\"", true)
        .map(t -> p.expression((Scalar) node));
  }

  private Optional<Duration> duration(Mapping m, String path, String key) {
    Optional<YamlNode> node = m.get(key).map(Entry::value);
    return node.isEmpty() ? Optional.of(Duration.ZERO) : p.duration(node.get(), path + "." + key);
  }

  private Optional<List<Param>> params(Mapping m, String path) {
    Optional<Map<String, Scalar>> entries = scalars(m, "params", path, "{max_lag: 1000}");
    List<Param> params = new ArrayList<>();
    entries.ifPresent(e -> e.forEach((k, v) -> params.add(Param.of(k, v.text(), p.pos(v)))));
    return entries.map(e -> params);
  }

  private Optional<Map<String, String>> labels(Mapping m, String path) {
    Optional<Map<String, Scalar>> entries = scalars(m, "labels", path, "{severity: critical}");
    Map<String, String> labels = new LinkedHashMap<>();
    entries.ifPresent(e -> e.forEach((k, v) -> labels.put(k, v.text())));
    return entries.map(e -> labels);
  }

  private Optional<Severity> severity(Mapping m, Map<String, String> labels, String path) {
    String severity = labels.get("severity");
    if (severity == null) {
      Position at = p.pos(m.get("labels").map(Entry::value).orElse(m));
      p.problem(at, "missing label \"severity\" in " + path
          + " (write labels: {severity: critical}, or warning, or info)");
      return Optional.empty();
    }
    Optional<Severity> s = Severity.of(severity);
    if (s.isEmpty()) {
      p.problem(valuePos(m, "labels", "severity"), "unknown severity \"" + severity + "\" in "
          + path + ".labels (write critical, warning or info)");
    }
    return s;
  }

  private Optional<Map<String, Template>> annotations(Mapping m, String path, Scope scope,
      Map<String, String> labels, List<Param> params) {
    Optional<Map<String, Scalar>> entries = scalars(m, "annotations", path, "{summary: ...}");
    if (entries.isPresent() && !entries.get().containsKey("runbook_url")) {
      p.problem(p.pos(m.get("annotations").map(Entry::value).orElse(m)), "missing annotation "
          + "\"runbook_url\" in " + path + " (write e.g. runbook_url: "
          + "\"{{ $runbook_base }}/my-alert.md\")");
      return Optional.empty();
    }
    TemplateNames names = new TemplateNames(scope, labels.keySet(), params);
    Map<String, Template> out = new LinkedHashMap<>();
    boolean ok = entries.isPresent();
    for (Map.Entry<String, Scalar> e : entries.orElse(Map.of()).entrySet()) {
      List<String> problems = new ArrayList<>();
      Position at = p.expression(e.getValue()).firstChar();
      Template t = Template.parse(e.getValue().text(), at, problems);
      problems.addAll(names.check(t));
      problems.forEach(msg -> p.problem(at, path + ".annotations." + e.getKey() + ": " + msg));
      ok &= problems.isEmpty();
      out.put(e.getKey(), t);
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** A map of plain values under {@code key}, with valid names; absent means empty. */
  private Optional<Map<String, Scalar>> scalars(Mapping m, String key, String path,
      String example) {
    Optional<YamlNode> node = m.get(key).map(Entry::value);
    if (node.isEmpty()) {
      return Optional.of(Map.of());
    }
    String where = path + "." + key;
    Optional<Mapping> map = p.map(node.get(), where, example);
    Map<String, Scalar> out = new LinkedHashMap<>();
    boolean ok = map.isPresent();
    for (Entry e : map.map(Mapping::entries).orElse(List.of())) {
      if (!NAME.matcher(e.key()).matches()) {
        p.problem(p.pos(e.value()), where + ": \"" + e.key() + "\" is not a valid name (use "
            + "letters, digits and _, not starting with a digit)");
        ok = false;
      }
      Optional<String> text = p.text(e.value(), where + "." + e.key(), example, false);
      text.ifPresent(t -> out.put(e.key(), (Scalar) e.value()));
      ok &= text.isPresent();
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  private Position valuePos(Mapping m, String key, String inner) {
    YamlNode outer = m.get(key).map(Entry::value).orElse(m);
    if (outer instanceof Mapping om) {
      return p.pos(om.get(inner).map(Entry::value).orElse(om));
    }
    return p.pos(outer);
  }
}
