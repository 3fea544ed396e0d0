package dev.lookout.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the pinned restatectl against a chosen set of node addresses. */
final class Restatectl {

  private static final Set<String> ADDRESS_OPTIONS = Set.of("-s", "--address", "--server", "-S",
      "--single-address");
  // Colour codes would end up inside error messages and break JSON detection on stdout.
  private static final Map<String, String> ENV = Map.of("NO_COLOR", "1");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;

  Restatectl(Path binary) {
    this.binary = binary;
  }

  /**
   * Runs restatectl with {@code args}, adding {@code --address} for {@code addresses} unless the
   * caller chose its own. Order matters: some subcommands (sql) talk only to the first address.
   */
  CommandResult run(List<URI> addresses, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    if (!choosesAddress(args) && !addresses.isEmpty()) {
      command.add("--address");
      command.add(addresses.stream().map(URI::toString).collect(Collectors.joining(",")));
    }
    command.addAll(List.of(args));
    return ExternalCommand.runUnchecked(command, ENV, timeout);
  }

  /** {@code restatectl sql --json}, one JSON object per row; failures throw with stderr. */
  List<JsonNode> sql(List<URI> addresses, Duration timeout, String query) {
    CommandResult result = run(addresses, timeout, "sql", "--json", query);
    if (!result.ok()) {
      throw new IllegalStateException("restatectl sql \"" + query + "\" failed: "
          + result.describe());
    }
    return parseRows(result.stdout());
  }

  static List<JsonNode> parseRows(String stdout) {
    JsonNode root;
    try {
      root = JSON.readTree(stdout.isBlank() ? "[]" : stdout);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("restatectl sql printed no JSON array: " + stdout, e);
    }
    if (!root.isArray()) {
      throw new IllegalStateException("restatectl sql printed " + root.getNodeType()
          + " instead of an array: " + stdout);
    }
    List<JsonNode> rows = new ArrayList<>();
    root.forEach(rows::add);
    return List.copyOf(rows);
  }

  static boolean choosesAddress(String... args) {
    for (String arg : args) {
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (ADDRESS_OPTIONS.contains(option)) {
        return true;
      }
    }
    return false;
  }
}
