package dev.lookout.app;

import dev.lookout.config.TlsFiles;
import dev.lookout.config.Web;
import dev.lookout.output.http.WebSecurity;
import dev.lookout.tls.TlsException;
import dev.lookout.tls.TlsMaterial;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** Turns the {@code web} section into what the HTTP server enforces, loading its PEM files. */
final class ServerSecurity {
  private ServerSecurity() {}

  static WebSecurity of(Web web) {
    Map<String, String> users = web.users().stream()
        .collect(Collectors.toMap(Web.User::username, Web.User::password));
    Optional<SSLContext> tls = web.tls().map(ServerSecurity::context);
    boolean clientCertificates = web.tls().flatMap(TlsFiles::caFile).isPresent();
    return new WebSecurity(web.adminToken(), users, tls, clientCertificates);
  }

  /** The files loaded when the config was read; failing now means they changed since. */
  static SSLContext context(TlsFiles files) {
    try {
      return TlsMaterial.load(files.caFile(), files.certFile(), files.keyFile()).sslContext();
    } catch (TlsException e) {
      throw new IllegalArgumentException("web.tls: " + e.getMessage(), e);
    }
  }
}
