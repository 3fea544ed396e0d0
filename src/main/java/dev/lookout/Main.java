package dev.lookout;

import dev.lookout.cli.DemoCommand;
import dev.lookout.cli.RulesCommand;
import dev.lookout.cli.RunCommand;
import dev.lookout.cli.SnapshotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line; the only place that exits the JVM. */
@Command(name = "lookout", mixinStandardHelpOptions = true, version = "lookout 0.1.0",
    description = "Health agent and alerting sidecar for Restate clusters.",
    subcommands = {RunCommand.class, SnapshotCommand.class, DemoCommand.class,
        RulesCommand.class})
public final class Main implements Runnable {
  @Override
  public void run() {
    // No subcommand: run the agent, as `lookout run` would with its defaults.
    new RunCommand().call();
  }

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
