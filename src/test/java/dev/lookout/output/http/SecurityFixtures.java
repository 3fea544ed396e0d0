package dev.lookout.output.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A server's views with fixed answers, counting reloads, for tests of who may call what. */
final class SecurityFixtures {
  private SecurityFixtures() {}

  static HttpServer.Views views(AtomicInteger reloads) {
    return new HttpServer.Views(() -> true, () -> true,
        () -> List.of(HealthCheck.pass("restate:nodes-alive")), List::of, List::of,
        out -> out.write("lookout_target_up 1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), List::of,
        List::of,
        () -> {
          reloads.incrementAndGet();
          return "";
        },
        name -> name.equals("X.md") ? "# X\n" : null);
  }
}
