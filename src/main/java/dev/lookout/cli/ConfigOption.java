package dev.lookout.cli;

import dev.lookout.config.Config;
import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The `--config` option shared by the commands, and loading it with every problem printed. */
public final class ConfigOption {
  /** Exit code for a configuration that does not load. */
  static final int BAD_CONFIG = 2;

  @Option(names = {"-c", "--config"}, defaultValue = "agent/lookout.yaml",
      description = "Configuration file (default: ${DEFAULT-VALUE}).")
  Path file;

  /** The loaded config, or null after printing every problem to stderr. */
  Config load() {
    try {
      return ConfigLoader.load(file, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return null;
    }
  }
}
