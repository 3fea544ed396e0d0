package dev.lookout.output.http;

import io.javalin.config.JavalinConfig;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one socket the server listens on, plain or TLS, with bounds on what a client may send: a
 * request line and headers over {@link #MAX_HEADER_BYTES} get 431, a body over
 * {@link #MAX_BODY_BYTES} gets 413. No endpoint takes a body larger than a few bytes.
 */
final class Listener {
  static final int MAX_HEADER_BYTES = 8 * 1024;
  static final int MAX_BODY_BYTES = 16 * 1024;

  private Listener() {}

  static void configure(JavalinConfig cfg, String host, int port, WebSecurity security) {
    cfg.http.maxRequestSize = MAX_BODY_BYTES;
    cfg.jetty.modifyHttpConfiguration(http -> {
      http.setRequestHeaderSize(MAX_HEADER_BYTES);
      http.setSendServerVersion(false);
    });
    cfg.jetty.addConnector((server, http) -> {
      ServerConnector connector = security.tls()
          .map(tls -> tlsConnector(server, http, tls, security.clientCertificates()))
          .orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(http)));
      connector.setHost(host);
      connector.setPort(port);
      return connector;
    });
  }

  private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server,
      HttpConfiguration http, SSLContext context, boolean clientCertificates) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(context);
    ssl.setNeedClientAuth(clientCertificates);
    HttpConfiguration https = new HttpConfiguration(http);
    // One certificate only: the check that SNI names one of several certificates does not apply.
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
  }
}
