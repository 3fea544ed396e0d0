package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.model.nats.NatsServer.StanRole;
import dev.lookout.model.nats.NatsServer.StanState;

/** /streaming/serverz: state, role (only when clustered) and totals of a STAN server. */
final class ServerzParser {
  private ServerzParser() {}

  record Serverz(String clusterId, StanState state, StanRole role, int channels,
      int subscriptions, long totalMsgs) {}

  static Serverz parse(String body) throws BadResponse {
    JsonNode root = Json.object(body);
    return new Serverz(Json.text(root, "cluster_id"), state(Json.text(root, "state")),
        role(Json.text(root, "role")), Json.integer(root, "channels"),
        Json.integer(root, "subscriptions"), Json.unsigned(root, "total_msgs"));
  }

  private static StanState state(String text) throws BadResponse {
    if (text == null) {
      throw new BadResponse("no state");
    }
    try {
      return StanState.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new BadResponse("unknown state: " + text);
    }
  }

  private static StanRole role(String text) throws BadResponse {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (StanRole r : StanRole.values()) {
      if (r.name().equals(text)) {
        return r;
      }
    }
    throw new BadResponse("unknown role: " + text);
  }
}
