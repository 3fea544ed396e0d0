package dev.lookout.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys with the JDK alone. Messages never quote the file's
 * contents, so a key that fails to load cannot leak through an error.
 */
final class Pem {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  private Pem() {}

  /** Every certificate in the file, in order; at least one. */
  static List<X509Certificate> certificates(Path file) throws TlsException {
    byte[] bytes = read(file, "certificate");
    try {
      var certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes));
      if (certificates.isEmpty()) {
        throw new TlsException("no PEM certificate in the file");
      }
      return certificates.stream().map(c -> (X509Certificate) c).toList();
    } catch (CertificateException e) {
      throw new TlsException("not a PEM certificate file (" + e.getMessage() + ")");
    }
  }

  /** The unencrypted PKCS#8 key ("BEGIN PRIVATE KEY") in the file. */
  static PrivateKey privateKey(Path file) throws TlsException {
    String text = new String(read(file, "key"), StandardCharsets.US_ASCII);
    Matcher block = BLOCK.matcher(text);
    if (!block.find()) {
      throw new TlsException("no PEM private key in the file");
    }
    String type = block.group(1);
    if (!type.equals("PRIVATE KEY")) {
      throw new TlsException("the key is a \"" + type + "\" block; write it as unencrypted PKCS#8"
          + " (openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(block.group(2));
    } catch (IllegalArgumentException e) {
      throw new TlsException("the private key is not valid base64");
    }
    return decode(der);
  }

  private static PrivateKey decode(byte[] der) throws TlsException {
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new TlsException("the private key is not an RSA, EC or EdDSA PKCS#8 key");
  }

  private static byte[] read(Path file, String what) throws TlsException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TlsException("cannot read the " + what + " file (" + e.getClass().getSimpleName()
          + ")");
    }
  }
}
