package dev.lookout.config;

import static dev.lookout.config.Binding.child;

import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the files a config names: paths relative to the config file's directory, and secrets
 * that are written either inline ({@code password: ${PW}}) or as a file ({@code password_file:
 * secrets/pw}), so that a Kubernetes secret or a systemd credential can be mounted as is.
 */
final class FileBinder {
  private final Binding b;
  private final Path baseDir;

  FileBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.baseDir = baseDir;
  }

  Optional<Path> path(YamlNode node, String path, String example) {
    Optional<String> text = b.nonEmpty(node, path, example);
    try {
      return text.map(t -> baseDir.resolve(t).normalize());
    } catch (InvalidPathException e) {
      b.problem(node.mark(), path + ": \"" + text.orElseThrow() + "\" is not a valid path ("
          + e.getReason() + ")");
      return Optional.empty();
    }
  }

  /**
   * The secret under {@code key} or read from {@code key_file}, exactly one of them; empty after
   * a problem. A file's trailing line break is not part of the secret.
   */
  Optional<String> secret(Mapping m, String path, String key, String example) {
    Optional<Entry> inline = m.get(key);
    Optional<Entry> file = m.get(key + "_file");
    if (inline.isPresent() && file.isPresent()) {
      b.problem(file.get().keyMark(), path + ": " + key + " and " + key + "_file cannot both be "
          + "set (keep one)");
      return Optional.empty();
    }
    if (inline.isPresent()) {
      return b.nonEmpty(inline.get().value(), child(path, key), example);
    }
    if (file.isEmpty()) {
      b.problem(m.mark(), path + ": missing " + key + " or " + key + "_file (write e.g. "
          + key + "_file: secrets/" + key + ")");
      return Optional.empty();
    }
    return readSecret(file.get().value(), child(path, key + "_file"));
  }

  private Optional<String> readSecret(YamlNode node, String path) {
    Optional<Path> file = path(node, path, "secrets/token");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file.get()).replaceAll("\\r?\\n\\z", "");
    } catch (IOException e) {
      b.problem(node.mark(), path + ": cannot read " + file.get() + " ("
          + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    if (text.isEmpty()) {
      b.problem(node.mark(), path + ": " + file.get() + " is empty");
      return Optional.empty();
    }
    return Optional.of(text);
  }
}
