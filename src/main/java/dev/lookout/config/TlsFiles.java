package dev.lookout.config;

import dev.lookout.tls.TlsException;
import dev.lookout.tls.TlsMaterial;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * PEM files of one TLS endpoint, resolved against the config file's directory: the CAs to trust
 * (for the agent's server: the CAs client certificates must chain to), and a certificate with its
 * key. The files were loaded once while binding, so they are known to be usable.
 */
public record TlsFiles(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) {
  public static final TlsFiles DEFAULTS = new TlsFiles(Optional.empty(), Optional.empty(),
      Optional.empty());

  public TlsFiles {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException("a TLS certificate and its key go together");
    }
  }

  /**
   * Loads the files into key and trust managers.
   *
   * @throws IllegalStateException when they no longer load (they did when the config was read)
   */
  public TlsMaterial load() {
    try {
      return TlsMaterial.load(caFile, certFile, keyFile);
    } catch (TlsException e) {
      throw new IllegalStateException("TLS files changed since the config was read: "
          + e.getMessage(), e);
    }
  }

  /** Where the key lives is left out: a path can say more than it should about a host. */
  @Override
  public String toString() {
    return "TlsFiles[ca=" + caFile.map(Path::getFileName).orElse(null) + ", cert="
        + certFile.map(Path::getFileName).orElse(null) + ", key="
        + (keyFile.isPresent() ? "<secret>" : null) + "]";
  }
}
