package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.model.nats.NatsServer;

/** /healthz: 200 or 503, both with a JSON body naming the failing check. */
final class HealthzParser {
  private HealthzParser() {}

  static NatsServer.Health parse(int httpCode, String body) throws BadResponse {
    JsonNode root = Json.object(body);
    String status = Json.text(root, "status");
    if (status == null) {
      throw new BadResponse("no status");
    }
    return new NatsServer.Health(httpCode, status, Json.text(root, "error"));
  }
}
