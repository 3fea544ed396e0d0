package dev.lookout.cli;

import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads each rule file on its own, as the agent would, and prints what is wrong with it. */
@Command(name = "check", description = "Check that rule files load; exit 1 if any does not.")
public final class RulesCheckCommand implements Callable<Integer> {
  // Templates render the runbook base, but checking never shows them, so any value will do.
  private static final String RUNBOOK_BASE = "https://runbooks.example";

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean allGood = true;
    for (Path file : files) {
      out.println("Checking " + file);
      try {
        int rules = RuleSet.load(List.of(file), RUNBOOK_BASE).rules().size();
        out.println("  SUCCESS: " + rules + (rules == 1 ? " rule" : " rules") + " found");
      } catch (ConfigException e) {
        allGood = false;
        out.println("  FAILED:");
        for (Problem p : e.problems()) {
          out.println("    " + p);
        }
      }
      out.println();
    }
    out.flush();
    return allGood ? 0 : 1;
  }
}
