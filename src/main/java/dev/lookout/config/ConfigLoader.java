package dev.lookout.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code lookout.yaml} strictly: unknown keys, wrong types and bad values are all errors,
 * and all of them are reported together with their line and column, so that one edit can fix
 * them all instead of one per restart.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Loads the config file; relative paths inside it are taken from the file's directory.
   *
   * @param env where {@code ${NAME}} references are looked up, usually {@code System.getenv()}
   */
  public static Config load(Path file, Map<String, String> env) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(new Problem(file.toString(), 0, 0, unreadable(e))));
    }
    return parse(text, file.toString(), file.toAbsolutePath().getParent(), env);
  }

  /**
   * Parses config text; {@code fileName} only labels the problems, {@code baseDir} is where
   * relative paths are resolved from.
   */
  public static Config parse(String yamlText, String fileName, Path baseDir,
      Map<String, String> env) throws ConfigException {
    Binding binding = new Binding(fileName, env);
    Optional<Config> config = YamlReader.read(yamlText, binding)
        .flatMap(root -> new ConfigBinder(binding, baseDir).bind(root));
    if (binding.hasProblems() || config.isEmpty()) {
      throw new ConfigException(binding.problems());
    }
    return config.get();
  }

  private static String unreadable(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "cannot read the config file: it does not exist";
    }
    if (e instanceof CharacterCodingException) {
      return "cannot read the config file: it is not UTF-8 text";
    }
    return "cannot read the config file: " + e.getMessage();
  }
}
