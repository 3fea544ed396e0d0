package dev.lookout.rules;

import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.rules.format.RuleFileParser;
import dev.lookout.rules.format.RuleGroup;
import dev.lookout.rules.format.RuleSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule of the configured rule files, compiled once; replaced as a whole on reload. */
public final class RuleSet {
  private final List<CompiledRule> rules;

  private RuleSet(List<CompiledRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Reads, checks and compiles {@code files}; {@code runbookBaseUrl} is what
   * {@code {{ $runbook_base }}} renders to. Throws one exception listing every problem of every
   * file, so a reload can keep the previous set and say exactly why.
   */
  public static RuleSet load(List<Path> files, String runbookBaseUrl) throws ConfigException {
    List<Problem> problems = new ArrayList<>();
    List<CompiledRule> rules = new ArrayList<>();
    for (Path file : files) {
      List<RuleGroup> groups;
      try {
        groups = RuleFileParser.read(file);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        continue;
      }
      List<Problem> found = new ArrayList<>();
      for (RuleGroup g : groups) {
        for (RuleSpec spec : g.rules()) {
          CompiledRule.compile(g.name(), spec, runbookBaseUrl, found).ifPresent(rules::add);
        }
      }
      // Top to bottom within a file, whichever check found the problem.
      found.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      problems.addAll(found);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new RuleSet(rules);
  }

  public List<CompiledRule> rules() {
    return rules;
  }
}
