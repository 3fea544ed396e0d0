package dev.lookout.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The key managers (our own certificate and key) and trust managers (the CAs we accept) of one
 * TLS endpoint, loaded from PEM files. Without a CA file the JDK's default trust store applies;
 * without a certificate no key is presented.
 */
public final class TlsMaterial {
  // An in-memory store needs some password; it never leaves this object.
  private static final char[] STORE_PASSWORD = "lookout".toCharArray();

  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;

  private TlsMaterial(KeyManager[] keyManagers, TrustManager[] trustManagers) {
    this.keyManagers = keyManagers;
    this.trustManagers = trustManagers;
  }

  /**
   * Loads the files; {@code cert} and {@code key} go together.
   *
   * @throws TlsException saying which of the three files is unusable and why
   */
  public static TlsMaterial load(Optional<Path> ca, Optional<Path> cert, Optional<Path> key)
      throws TlsException {
    if (cert.isPresent() != key.isPresent()) {
      throw new TlsException("a certificate and its key go together: set both or neither");
    }
    TrustManager[] trust = ca.isPresent() ? trustManagers(ca.get()) : null;
    KeyManager[] keys = cert.isPresent() ? keyManagers(cert.get(), key.get()) : null;
    return new TlsMaterial(keys, trust);
  }

  /** Null when the JDK's default CAs apply. */
  public TrustManager[] trustManagers() {
    return trustManagers == null ? null : trustManagers.clone();
  }

  /** Null when no certificate is presented. */
  public KeyManager[] keyManagers() {
    return keyManagers == null ? null : keyManagers.clone();
  }

  public boolean hasKey() {
    return keyManagers != null;
  }

  public boolean hasCustomTrust() {
    return trustManagers != null;
  }

  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }

  private static TrustManager[] trustManagers(Path ca) throws TlsException {
    List<X509Certificate> cas = tagged("CA file", () -> Pem.certificates(ca));
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new TlsException("CA file: cannot be used as a trust store (" + e.getMessage() + ")");
    }
  }

  private static KeyManager[] keyManagers(Path cert, Path key) throws TlsException {
    List<X509Certificate> chain = tagged("certificate file", () -> Pem.certificates(cert));
    PrivateKey privateKey = tagged("key file", () -> Pem.privateKey(key));
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("key", privateKey, STORE_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, STORE_PASSWORD);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      // Never the exception's text alone: some providers describe the key they reject.
      throw new TlsException("the key does not match the certificate or cannot be used ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private interface Load<T> {
    T get() throws TlsException;
  }

  private static <T> T tagged(String what, Load<T> load) throws TlsException {
    try {
      return load.get();
    } catch (TlsException e) {
      throw new TlsException(what + ": " + e.getMessage());
    }
  }
}
