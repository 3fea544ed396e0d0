package dev.lookout.source.nats;

import dev.lookout.model.SourceError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The replies of one server in one tick, parsed endpoint by endpoint. A failed parse or an
 * unexpected status costs only that endpoint and is recorded as an error naming server and
 * endpoint.
 */
final class ServerRead {
  interface Parser<T> {
    T parse(Reply reply) throws BadResponse;
  }

  private final Map<Endpoint, Reply> replies;
  private final List<SourceError> errors = new ArrayList<>();
  private String name;

  ServerRead(String name, Map<Endpoint, Reply> replies) {
    this.name = name;
    this.replies = new EnumMap<>(replies);
  }

  Reply reply(Endpoint e) {
    return replies.getOrDefault(e, Reply.failed(Reply.Failure.TIMEOUT));
  }

  /** Renames the server once /varz told its own name; later errors use it. */
  void rename(String serverName) {
    name = serverName;
  }

  String name() {
    return name;
  }

  List<SourceError> errors() {
    return List.copyOf(errors);
  }

  /** Whether the server gave no HTTP answer at all. */
  boolean silent() {
    return replies.values().stream().noneMatch(Reply::answered);
  }

  /**
   * The parsed answer, or null: on 404 when {@code absentOk} (the endpoint is not served there),
   * or with an error recorded when the call failed or the answer is bad.
   */
  <T> T parse(Endpoint e, boolean absentOk, Parser<T> parser, int... okCodes) {
    Reply r = reply(e);
    if (!r.answered()) {
      failed(e, r.failure().reason, r.failure() == Reply.Failure.TLS ? r.failure().message
          : "no answer");
      return null;
    }
    if (r.notFound() && absentOk) {
      return null;
    }
    if (!accepted(r.status(), okCodes)) {
      failed(e, SourceError.Reason.BAD_RESPONSE, "HTTP " + r.status() + ": " + r.excerpt());
      return null;
    }
    try {
      return parser.parse(r);
    } catch (BadResponse | RuntimeException ex) {
      failed(e, SourceError.Reason.BAD_RESPONSE, ex.getMessage());
      return null;
    }
  }

  private static boolean accepted(int status, int... okCodes) {
    if (okCodes.length == 0) {
      return status == 200;
    }
    for (int c : okCodes) {
      if (c == status) {
        return true;
      }
    }
    return false;
  }

  void failed(Endpoint e, SourceError.Reason reason, String message) {
    errors.add(new SourceError(name + " " + e.label(), reason, message));
  }

  void failedAll(SourceError.Reason reason, String message) {
    errors.add(new SourceError(name, reason, message));
  }
}
