package dev.lookout.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a thread dump says who is who and no pool keeps the JVM alive. */
final class Threads {
  private Threads() {}

  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Bounded: I/O callbacks are short; a hung node holds a thread at most until its deadline. */
  static ExecutorService pool(String prefix) {
    return Executors.newFixedThreadPool(8, named(prefix));
  }

  /** Runs each task on a new named daemon thread: for one-off start-up work. */
  static java.util.concurrent.Executor oneOff(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      t.start();
    };
  }

  static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }

  static ScheduledExecutorService scheduler(String prefix, int threads) {
    return Executors.newScheduledThreadPool(threads, named(prefix));
  }

  static void stop(ExecutorService executor) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
