package dev.lookout.output.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who may do what, before any handler runs. Probes stay open (orchestrators call them
 * without credentials and they show only up/down and check names); admin endpoints, anything
 * but GET and HEAD, need the bearer token; the other reads need a basic-auth user when any is
 * configured. Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so
 * neither a secret's content nor its length shows in the time an answer takes.
 */
final class Access {
  static final Set<String> PROBES = Set.of("/-/healthy", "/-/ready", "/health");
  private static final String BEARER = "Bearer realm=\"lookout\"";
  private static final String BASIC = "Basic realm=\"lookout\", charset=\"UTF-8\"";
  // Compared against when the user is unknown, so that unknown and known users take as long.
  private static final byte[] NO_USER = digest("\u0000no user\u0000");

  /** Why a request was let through or not; a denial maps to one HTTP status. */
  enum Decision { OPEN, ALLOWED, NO_CREDENTIALS, BAD_CREDENTIALS, ADMIN_NOT_CONFIGURED }

  private final Optional<byte[]> adminToken;
  private final Map<String, byte[]> users = new HashMap<>();

  Access(WebSecurity security) {
    this.adminToken = security.adminToken().map(Access::digest);
    security.users().forEach((name, password) -> users.put(name, digest(password)));
  }

  /** A Javalin before-handler: answers 401 or 403 itself and skips the route. */
  void guard(Context ctx) {
    Decision decision = decide(ctx.method().name(), ctx.path(), ctx.header("Authorization"),
        ctx.req().getRemoteAddr());
    switch (decision) {
      case OPEN, ALLOWED -> { }
      case ADMIN_NOT_CONFIGURED -> deny(ctx, 403, "admin endpoints answer only loopback clients "
          + "while no admin token is configured (set web.admin.token_file)");
      default -> {
        boolean admin = isAdmin(ctx.method().name(), ctx.path());
        String challenge = admin ? BEARER : BASIC;
        if (admin && decision == Decision.BAD_CREDENTIALS) {
          challenge += ", error=\"invalid_token\"";
        }
        ctx.header("WWW-Authenticate", challenge);
        deny(ctx, 401, decision == Decision.NO_CREDENTIALS ? "credentials required"
            : "wrong credentials");
      }
    }
  }

  Decision decide(String method, String path, String authorization, String peer) {
    if (isAdmin(method, path)) {
      if (adminToken.isEmpty()) {
        return isLoopback(peer) ? Decision.ALLOWED : Decision.ADMIN_NOT_CONFIGURED;
      }
      return checkBearer(authorization);
    }
    if (PROBES.contains(path) || users.isEmpty()) {
      return Decision.OPEN;
    }
    return checkBasic(authorization);
  }

  static boolean isAdmin(String method, String path) {
    return !(method.equals("GET") || method.equals("HEAD")) || path.startsWith("/-/reload");
  }

  private Decision checkBearer(String authorization) {
    Optional<String> token = credentials(authorization, "Bearer ");
    if (token.isEmpty()) {
      return Decision.NO_CREDENTIALS;
    }
    return MessageDigest.isEqual(digest(token.get()), adminToken.orElseThrow())
        ? Decision.ALLOWED : Decision.BAD_CREDENTIALS;
  }

  private Decision checkBasic(String authorization) {
    Optional<String> pair = credentials(authorization, "Basic ").flatMap(Access::decodeBase64);
    if (pair.isEmpty() || pair.get().indexOf(':') < 0) {
      return pair.isEmpty() && authorization == null ? Decision.NO_CREDENTIALS
          : Decision.BAD_CREDENTIALS;
    }
    int colon = pair.get().indexOf(':');
    byte[] expected = users.getOrDefault(pair.get().substring(0, colon), NO_USER);
    boolean match = MessageDigest.isEqual(digest(pair.get().substring(colon + 1)), expected);
    return match && expected != NO_USER ? Decision.ALLOWED : Decision.BAD_CREDENTIALS;
  }

  /** The credentials after the scheme, which is matched without regard to case (RFC 9110). */
  private static Optional<String> credentials(String authorization, String scheme) {
    if (authorization == null || authorization.length() <= scheme.length()
        || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(scheme.length()).strip());
  }

  private static Optional<String> decodeBase64(String text) {
    try {
      return Optional.of(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isLoopback(String peer) {
    try {
      return peer != null && InetAddress.getByName(peer).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // a peer address is numeric, so this is no lookup; refuse what cannot parse
    }
  }

  private static void deny(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    ctx.skipRemainingHandlers();
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
