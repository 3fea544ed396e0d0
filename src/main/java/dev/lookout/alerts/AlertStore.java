package dev.lookout.alerts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps all rules' alerts in {@code <stateDir>/alerts.json} so a restart neither restarts pending
 * timers nor pages again for what is already firing. A save replaces the file atomically: the
 * new content is written and fsynced to {@code alerts.json.tmp} in the same directory, then
 * renamed over the old file, so a crash leaves either the old file or the new one, never half of
 * one. Failures are {@link IOException}s for the caller to report while it keeps alerting from
 * memory.
 */
public final class AlertStore {
  static final String FILE_NAME = "alerts.json";
  static final String TEMP_NAME = FILE_NAME + ".tmp";

  private final ObjectMapper json = new ObjectMapper();
  private final Path dir;
  private final Path file;
  private final Path temp;

  public AlertStore(Path stateDir) {
    this.dir = Objects.requireNonNull(stateDir, "stateDir");
    this.file = stateDir.resolve(FILE_NAME);
    this.temp = stateDir.resolve(TEMP_NAME);
  }

  public Path file() {
    return file;
  }

  /** Replaces the saved state with {@code byRule} (rule name → its alerts). */
  public void save(Map<String, List<Alert>> byRule) throws IOException {
    byte[] bytes = json.writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(AlertJson.encode(byRule));
    Files.createDirectories(dir);
    try {
      writeDurably(temp, bytes);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      removeTemp(e);
      throw e;
    }
    syncDirectory();
  }

  /**
   * The saved state, or an empty map if nothing was saved yet.
   *
   * @throws CorruptAlertStateException if the file exists but cannot be used, naming the file and
   *     the problem
   * @throws IOException if the file cannot be read
   */
  public Map<String, List<Alert>> load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = json.readTree(bytes);
    } catch (JacksonException e) {
      throw new CorruptAlertStateException(file, "not valid JSON" + where(e) + ": "
          + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new CorruptAlertStateException(file, "empty file", null);
    }
    try {
      return AlertJson.decode(root);
    } catch (IllegalArgumentException e) {
      throw new CorruptAlertStateException(file, e.getMessage(), e);
    }
  }

  private static String where(JacksonException e) {
    var at = e.getLocation();
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static void writeDurably(Path path, byte[] bytes) throws IOException {
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
  }

  // Only a file we may have written is removed; whatever else sits at that path is left alone.
  private void removeTemp(IOException failure) {
    try {
      if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(temp);
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Makes the rename itself durable. Linux can fsync a directory; platforms that cannot open one
   * (Windows) fail here, and there the rename is still atomic, only less certain to survive a
   * power cut, so that case is not an error.
   */
  private void syncDirectory() throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
