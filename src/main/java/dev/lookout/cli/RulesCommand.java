package dev.lookout.cli;

import picocli.CommandLine.Command;

/** Groups the commands that work on rule files without running the agent. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Check rule files and run their unit tests.",
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand {}
