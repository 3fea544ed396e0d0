package dev.lookout.output.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One view rendered once for every request that asks while a rendering is under way: they wait
 * for it and share its result instead of each rendering the same page again. A burst of
 * scrapers or browsers then costs one rendering at a time, not one per connection, and leaves
 * the CPU to the ticks. A request that arrives mid-render gets a page begun a few milliseconds
 * before it asked; one that arrives after it finished gets a new one, so nothing older is served.
 */
final class SharedRender<T> implements Supplier<T> {
  private final Supplier<T> render;
  private CompletableFuture<T> underWay; // guarded by this

  SharedRender(Supplier<T> render) {
    this.render = Objects.requireNonNull(render, "render");
  }

  @Override
  public T get() {
    CompletableFuture<T> page;
    boolean mine;
    synchronized (this) {
      mine = underWay == null;
      if (mine) {
        underWay = new CompletableFuture<>();
      }
      page = underWay;
    }
    if (mine) {
      renderInto(page);
    }
    try {
      return page.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  // Cleared before completing, so that a request arriving after the page is done renders anew.
  private void renderInto(CompletableFuture<T> page) {
    T result = null;
    Throwable failure = null;
    try {
      result = render.get();
    } catch (Throwable t) {
      failure = t;
    }
    synchronized (this) {
      underWay = null;
    }
    if (failure == null) {
      page.complete(result);
    } else {
      page.completeExceptionally(failure);
    }
  }
}
