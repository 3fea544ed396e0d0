package dev.lookout.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a leak makes grow: the live threads and open sockets of this JVM. */
record ResourceCounts(int threads, long sockets) {
  static ResourceCounts now() {
    return new ResourceCounts(ManagementFactory.getThreadMXBean().getThreadCount(), openSockets());
  }

  /**
   * As {@link #now()}, leaving out threads whose names start with one of {@code prefixes}: pools
   * that grow with load and shrink when idle, or that belong to the test's own processes.
   */
  static ResourceCounts nowExcept(String... prefixes) {
    int threads = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      boolean left = false;
      for (String p : prefixes) {
        left |= t.getName().startsWith(p);
      }
      threads += left ? 0 : 1;
    }
    return new ResourceCounts(threads, openSockets());
  }

  /** Sockets this process holds open: links named socket:[inode] in /proc/self/fd. */
  private static long openSockets() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(ResourceCounts::isSocket).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSocket(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("socket:");
    } catch (IOException e) {
      return false; // closed between the listing and the read
    }
  }

  /** The fewest threads and sockets among the samples: what is held when nothing is in flight. */
  static ResourceCounts floor(List<ResourceCounts> samples) {
    return new ResourceCounts(samples.stream().mapToInt(ResourceCounts::threads).min().orElseThrow(),
        samples.stream().mapToLong(ResourceCounts::sockets).min().orElseThrow());
  }

  /** Live threads by name with the numbers taken off ("lookout-io-3" → "lookout-io-"), to say what grew. */
  static java.util.Map<String, Integer> threadNames() {
    java.util.Map<String, Integer> names = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
    }
    return names;
  }

  /** The most threads and sockets among the samples. */
  static ResourceCounts ceiling(List<ResourceCounts> samples) {
    return new ResourceCounts(samples.stream().mapToInt(ResourceCounts::threads).max().orElseThrow(),
        samples.stream().mapToLong(ResourceCounts::sockets).max().orElseThrow());
  }

  @Override
  public String toString() {
    return threads + " threads, " + sockets + " sockets";
  }
}
