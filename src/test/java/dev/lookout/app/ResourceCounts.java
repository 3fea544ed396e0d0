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
