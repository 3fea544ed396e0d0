package dev.lookout.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped rule files with every `for:` cut short, so a test sees them fire within seconds. */
final class ShortenedRules {
  private ShortenedRules() {}

  static List<Path> copy(Path dir, String forDuration) throws IOException {
    List<Path> copies = new ArrayList<>();
    for (String name : List.of("restate.yaml", "nats.yaml")) {
      String text = Files.readString(Path.of("rules", name));
      Path copy = dir.resolve(name);
      Files.writeString(copy, text.replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: " + forDuration));
      copies.add(copy);
    }
    return copies;
  }
}
