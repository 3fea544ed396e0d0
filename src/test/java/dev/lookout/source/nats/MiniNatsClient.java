package dev.lookout.source.nats;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the NATS client protocol for the end-to-end test: connect, and request/reply
 * (which is how JetStream's API and acknowledged publishing work). Not for production use.
 */
final class MiniNatsClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int sid;

  MiniNatsClient(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.setSoTimeout(5000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    readLine(); // INFO {...}
    write("CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1}\r\nPING\r\n");
    while (!readLine().equals("PONG")) {
      // skip INFO updates until the server confirms the connection
    }
  }

  /** Publishes {@code payload} to {@code subject} and returns the first reply's payload. */
  String request(String subject, String payload) throws IOException {
    int id = ++sid;
    String inbox = "_INBOX.lookout." + id;
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    write("SUB " + inbox + " " + id + "\r\nUNSUB " + id + " 1\r\nPUB " + subject + " " + inbox + " "
        + data.length + "\r\n" + payload + "\r\n");
    while (true) {
      String line = readLine();
      if (line.equals("PING")) {
        write("PONG\r\n");
      } else if (line.startsWith("-ERR")) {
        throw new IOException(line);
      } else if (line.startsWith("MSG " + inbox + " ")) {
        int size = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
        byte[] body = in.readNBytes(size + 2);
        return new String(body, 0, size, StandardCharsets.UTF_8);
      }
    }
  }

  private void write(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
