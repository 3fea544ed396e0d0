package dev.lookout.output.notify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** One HTTP POST of a JSON body; faked with a lambda in tests. */
@FunctionalInterface
interface Transport {
  /**
   * Sends the request and returns the reply, whatever its status.
   *
   * @throws IOException when no reply came: no connection, reset, or the timeout ran out
   */
  Reply post(Request request) throws IOException, InterruptedException;

  record Request(URI uri, Map<String, String> headers, String body, Duration timeout) {
    public Request {
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  record Reply(int status, String body) {
    public Reply {
      Objects.requireNonNull(body, "body");
    }
  }
}
