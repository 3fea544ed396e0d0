package dev.lookout.tls;

/** TLS material that cannot be used; the message names the problem, never the secret. */
public final class TlsException extends Exception {
  public TlsException(String message) {
    super(message);
  }
}
