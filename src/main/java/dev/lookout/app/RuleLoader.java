package dev.lookout.app;

import dev.lookout.config.ConfigException;
import dev.lookout.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the rule files and tells when they changed on disk. A load that fails returns the problems
 * and leaves the caller's rules untouched: a bad edit never takes alerting down.
 */
final class RuleLoader {
  /** The outcome of one load: the rules, or every problem found. */
  record Result(RuleSet rules, String problems) {
    boolean ok() {
      return rules != null;
    }
  }

  private final List<Path> files;
  private final String runbookBaseUrl;
  private List<FileTime> loadedVersions = List.of();

  RuleLoader(List<Path> files, String runbookBaseUrl) {
    this.files = List.copyOf(files);
    this.runbookBaseUrl = runbookBaseUrl;
  }

  Result load() {
    List<FileTime> versions = versions();
    try {
      RuleSet rules = RuleSet.load(files, runbookBaseUrl);
      loadedVersions = versions;
      return new Result(rules, "");
    } catch (ConfigException e) {
      loadedVersions = versions; // do not retry the same broken files every tick
      return new Result(null, e.getMessage());
    }
  }

  /** True when a file was edited, added or removed since the last load. */
  boolean changedOnDisk() {
    return !versions().equals(loadedVersions);
  }

  private List<FileTime> versions() {
    List<FileTime> versions = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        versions.add(Files.getLastModifiedTime(f));
      } catch (IOException e) {
        versions.add(FileTime.fromMillis(-1));
      }
    }
    return versions;
  }
}
