package dev.lookout.cli;

import dev.lookout.rules.testing.Report;
import dev.lookout.rules.testing.RuleTests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs rule unit test files, as {@code promtool test rules} does. */
@Command(name = "test", description = "Run rule unit tests; exit 1 if any fails.")
public final class RulesTestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule test files to run.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean allPassed = true;
    for (Path file : files) {
      Report report = RuleTests.run(file);
      allPassed &= report.passed();
      out.println(report.text());
    }
    out.flush();
    return allPassed ? 0 : 1;
  }
}
