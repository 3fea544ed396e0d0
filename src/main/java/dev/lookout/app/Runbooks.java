package dev.lookout.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves the runbooks kept beside the rule files (`<rules dir>/runbooks/<Alert>.md`), so alert
 * links work without publishing them anywhere. Names are checked, so no path leaves those folders.
 */
final class Runbooks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.md");

  private final Set<Path> dirs = new LinkedHashSet<>();

  Runbooks(List<Path> ruleFiles) {
    for (Path file : ruleFiles) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        dirs.add(parent.resolve("runbooks"));
      }
    }
  }

  /** The runbook's text, or null when the name is not a runbook file in a rules folder. */
  String read(String name) {
    if (!NAME.matcher(name).matches()) {
      return null;
    }
    for (Path dir : dirs) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }
}
