package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;

/** /varz: the server's name and identity, routes, and whether JetStream is configured. */
final class VarzParser {
  private VarzParser() {}

  /** {@code jetstreamEnabled}: /varz lists {@code jetstream.config} only when it runs. */
  record Varz(String serverId, String serverName, String version, int routes,
      boolean jetstreamEnabled, String metaLeader, Integer metaClusterSize) {}

  static Varz parse(String body) throws BadResponse {
    JsonNode root = Json.object(body);
    String id = Json.text(root, "server_id");
    if (id == null) {
      throw new BadResponse("no server_id");
    }
    JsonNode js = Json.child(root, "jetstream");
    boolean enabled = js != null && Json.child(js, "config") != null;
    JsonNode meta = js == null ? null : Json.child(js, "meta");
    return new Varz(id, Json.text(root, "server_name"), Json.text(root, "version"),
        Json.integer(root, "routes"), enabled,
        meta == null ? null : Json.text(meta, "leader"),
        meta == null ? null : Json.integer(meta, "cluster_size"));
  }
}
