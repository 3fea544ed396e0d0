package dev.lookout.config;

import static dev.lookout.config.Binding.child;

import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.tls.TlsException;
import dev.lookout.tls.TlsMaterial;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Binds a {@code tls} block and loads its PEM files once, so that a wrong path, a key in the
 * wrong format or a key that is not the certificate's is reported with its position at start-up
 * instead of failing every connection later.
 */
final class TlsBinder {
  static final String CLIENT_EXAMPLE = "{ca_file: tls/ca.crt, cert_file: tls/client.crt, "
      + "key_file: tls/client.key}";
  static final String SERVER_EXAMPLE = "{cert_file: tls/lookout.crt, key_file: tls/lookout.key}";

  private final Binding b;
  private final FileBinder files;

  TlsBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.files = new FileBinder(binding, baseDir);
  }

  /** The agent's connections to targets and receivers: every key optional. */
  Optional<TlsFiles> client(YamlNode node, String path) {
    return bind(node, path, "ca_file", CLIENT_EXAMPLE, false);
  }

  /** The agent's own server: a certificate and key, and the CAs of accepted client certificates. */
  Optional<TlsFiles> server(YamlNode node, String path) {
    return bind(node, path, "client_ca_file", SERVER_EXAMPLE, true);
  }

  private Optional<TlsFiles> bind(YamlNode node, String path, String caKey, String example,
      boolean keyRequired) {
    Mapping m = b.map(node, path, example).orElse(null);
    if (m == null) {
      return Optional.empty();
    }
    b.checkKeys(m, path, List.of(caKey, "cert_file", "key_file"));
    int before = b.problems().size();
    Optional<Path> ca = file(m, path, caKey, "tls/ca.crt");
    Optional<Path> cert = file(m, path, "cert_file", "tls/lookout.crt");
    Optional<Path> key = file(m, path, "key_file", "tls/lookout.key");
    if (keyRequired && (cert.isEmpty() || key.isEmpty())) {
      b.problem(m.mark(), path + ": cert_file and key_file are both required (write e.g. "
          + example + ")");
      return Optional.empty();
    }
    if (cert.isPresent() != key.isPresent()) {
      b.problem(m.mark(), path + ": cert_file and key_file go together (set both or neither)");
      return Optional.empty();
    }
    if (b.problems().size() > before) {
      return Optional.empty();
    }
    return loaded(m, path, new TlsFiles(ca, cert, key));
  }

  private Optional<TlsFiles> loaded(Mapping m, String path, TlsFiles files) {
    try {
      TlsMaterial.load(files.caFile(), files.certFile(), files.keyFile());
      return Optional.of(files);
    } catch (TlsException e) {
      b.problem(m.mark(), path + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Path> file(Mapping m, String path, String key, String example) {
    return b.optional(m, key).flatMap(n -> files.path(n, child(path, key), example));
  }
}
