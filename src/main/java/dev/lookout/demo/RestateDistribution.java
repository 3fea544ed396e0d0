package dev.lookout.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pinned Restate release (server and restatectl), installed from npm into a cache directory
 * on first use. The npm packages carry the real Linux x86-64 binaries, which is why no other
 * platform is supported.
 */
public final class RestateDistribution {

  public static final String VERSION = "1.7.12";
  /** Env var naming the cache root; the release goes to {@code <root>/restate-<version>}. */
  public static final String CACHE_ENV = "LOOKOUT_CACHE";

  private static final Logger LOG = LoggerFactory.getLogger(RestateDistribution.class);
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Path SERVER =
      Path.of("node_modules/@restatedev/restate-server-linux-x64/bin/restate-server");
  private static final Path RESTATECTL =
      Path.of("node_modules/@restatedev/restatectl-linux-x64/bin/restatectl");

  private final Path home;

  private RestateDistribution(Path home) {
    this.home = home;
  }

  /** Installs into {@code $LOOKOUT_CACHE/restate-1.7.12}, or {@code ~/.cache/lookout/...}. */
  public static RestateDistribution ensureInstalled() throws IOException, InterruptedException {
    return ensureInstalled(defaultDirectory(System.getenv(), Path.of(System.getProperty("user.home"))));
  }

  /**
   * Returns the release in {@code directory}, installing it there first if it is absent. Two JVMs
   * may race: each installs into its own temporary sibling and the first atomic rename wins.
   */
  public static RestateDistribution ensureInstalled(Path directory)
      throws IOException, InterruptedException {
    checkPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
    Path dir = directory.toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      install(dir);
    }
    RestateDistribution dist = new RestateDistribution(dir);
    dist.verify();
    return dist;
  }

  public Path directory() {
    return home;
  }

  public Path serverBinary() {
    return home.resolve(SERVER);
  }

  public Path restatectlBinary() {
    return home.resolve(RESTATECTL);
  }

  static Path defaultDirectory(Map<String, String> env, Path userHome) {
    String root = env.get(CACHE_ENV);
    Path cache = root == null || root.isBlank()
        ? userHome.resolve(".cache").resolve("lookout")
        : Path.of(root);
    return cache.resolve("restate-" + VERSION);
  }

  static void checkPlatform(String osName, String osArch) {
    boolean linux = osName != null && osName.toLowerCase().startsWith("linux");
    boolean x64 = "amd64".equals(osArch) || "x86_64".equals(osArch);
    if (!linux || !x64) {
      throw new UnsupportedOperationException("The Restate demo cluster needs linux-x64 (the npm"
          + " packages ship only that binary); this machine is " + osName + "/" + osArch);
    }
  }

  private void verify() {
    for (Path binary : List.of(serverBinary(), restatectlBinary())) {
      if (!Files.isRegularFile(binary)) {
        throw new IllegalStateException(home + " exists but lacks " + binary
            + "; delete that directory so it is installed again");
      }
      if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
        throw new IllegalStateException(binary + " is not executable and cannot be made so");
      }
    }
  }

  private static void install(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir.getParent());
    Path staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".installing-");
    try {
      LOG.info("Installing Restate {} from npm into {}", VERSION, dir);
      runNpm(staging);
      publish(staging, dir);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void runNpm(Path staging) throws IOException, InterruptedException {
    List<String> command = List.of("npm", "install", "--prefix", staging.toString(),
        "--no-audit", "--no-fund", "@restatedev/restate-server@" + VERSION,
        "@restatedev/restatectl@" + VERSION);
    CommandResult result;
    try {
      result = ExternalCommand.run(command, Map.of(), NPM_TIMEOUT);
    } catch (IOException e) {
      throw new IOException("npm is needed to install Restate " + VERSION
          + " but could not be started; install Node.js/npm and put npm on the PATH", e);
    }
    if (!result.ok()) {
      throw new IOException("npm install of Restate " + VERSION + " failed: " + result.describe());
    }
  }

  /**
   * Moves the staged install into place unless a racing JVM got there first. Losing the race shows
   * up as a plain FileSystemException (the JDK maps no subtype to ENOTEMPTY), so the outcome is
   * judged by whether the target exists afterwards.
   */
  static void publish(Path staging, Path dir) throws IOException {
    try {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) {
        throw new IOException("cannot rename " + staging + " to " + dir, e);
      }
      LOG.info("Another process installed Restate into {} first; using that copy", dir);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(RestateDistribution::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
