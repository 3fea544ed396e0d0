package dev.lookout.source.restate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A plain HTTP/1.0 GET over a Unix socket: the JDK's client cannot dial one, and a node's
 * fabric.sock serves the same /metrics page as its TCP port. HTTP/1.0 makes the server close the
 * connection after the body, so no chunked decoding is needed.
 */
final class UnixHttp {
  private static final int MAX_BYTES = 16 * 1024 * 1024;

  private UnixHttp() {}

  /** Closing the channel on timeout is what unblocks a read from a hung node. */
  static CompletableFuture<String> get(String socketPath, String path, Duration timeout, Executor executor) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
      try {
        return read(channel, socketPath, path);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, executor).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    result.whenComplete((body, error) -> closeQuietly(channel));
    return result;
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing is left to release: the channel is being discarded either way.
    }
  }

  private static String read(SocketChannel channel, String socketPath, String path) throws IOException {
    channel.connect(UnixDomainSocketAddress.of(socketPath));
    String request = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
    channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (channel.read(buffer) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
      if (out.size() > MAX_BYTES) {
        throw new IOException("response over " + MAX_BYTES + " bytes from " + socketPath);
      }
    }
    return body(out.toString(StandardCharsets.UTF_8), socketPath);
  }

  private static String body(String response, String socketPath) throws IOException {
    int end = response.indexOf("\r\n\r\n");
    if (!response.startsWith("HTTP/1.") || end < 0) {
      throw new IOException("not an HTTP answer from " + socketPath);
    }
    String status = response.substring(0, response.indexOf("\r\n"));
    if (!status.contains(" 200")) {
      throw new IOException(socketPath + " answered " + status);
    }
    return response.substring(end + 4);
  }
}
