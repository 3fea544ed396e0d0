package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedRenderTest {
  private final ExecutorService requests = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    requests.shutdownNow();
  }

  @Test
  void requestsArrivingDuringARenderShareItAndLaterOnesRenderAgain() throws Exception {
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedRender<String> view = new SharedRender<>(() -> {
      int n = renders.incrementAndGet();
      started.countDown();
      await(release);
      return "page " + n;
    });
    List<Future<String>> pages = new ArrayList<>();
    pages.add(requests.submit(view::get));
    assertEquals(true, started.await(5, TimeUnit.SECONDS));
    List<Thread> waiters = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 7; i++) {
      pages.add(requests.submit(() -> {
        waiters.add(Thread.currentThread());
        return view.get();
      }));
    }
    waitUntilParked(waiters, 7);
    release.countDown();
    for (Future<String> page : pages) {
      assertEquals("page 1", page.get(5, TimeUnit.SECONDS));
    }
    assertEquals(1, renders.get());
    assertEquals("page 2", view.get(), "a request after the render finished gets a fresh page");
  }

  @Test
  void aFailedRenderFailsItsWaitersAndTheNextRequestTriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("registry broken");
    SharedRender<String> view = new SharedRender<>(() -> {
      if (calls.incrementAndGet() == 1) {
        throw boom;
      }
      return "ok";
    });
    assertSame(boom, assertThrows(IllegalStateException.class, view::get));
    assertEquals("ok", view.get());
  }

  // The later requests must be waiting for the shared page before it is released; a thread
  // parks (WAITING) only in the join, while taking the lock would show it BLOCKED.
  private static void waitUntilParked(List<Thread> threads, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (threads.size() < count
        || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("requests did not reach the shared page: " + threads);
      }
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
