package dev.lookout.app;

import dev.lookout.config.TlsFiles;
import dev.lookout.config.Web;
import dev.lookout.output.http.WebSecurity;
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
    Optional<SSLContext> tls = web.tls().map(t -> t.load().sslContext());
    boolean clientCertificates = web.tls().flatMap(TlsFiles::caFile).isPresent();
    return new WebSecurity(web.adminToken(), users, tls, clientCertificates);
  }
}
