package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.StreamState;
import java.util.ArrayList;
import java.util.List;

/**
 * /jsz?streams=true&consumers=true&config=true of one server. 2.9 names no server here, only
 * {@code server_id}; stream members and leaders are server names.
 */
final class JszParser {
  private JszParser() {}

  record Jsz(String serverId, boolean disabled, String metaLeader, Integer metaClusterSize,
      NatsServer.Storage storage, List<StreamView> streams) {}

  /** One stream as this server sees it; {@code replicas} lists the other members. */
  record StreamView(String account, String name, int configuredReplicas, String claimedLeader,
      List<PeerView> replicas, StreamState state) {}

  record PeerView(String name, boolean current, boolean offline, long activeNanos, long lag) {}

  static Jsz parse(String body) throws BadResponse {
    JsonNode root = Json.object(body);
    JsonNode meta = Json.child(root, "meta_cluster");
    List<StreamView> streams = new ArrayList<>();
    for (JsonNode account : Json.array(root, "account_details")) {
      String accountName = Json.text(Json.objectOf(account, "account_details[]"), "name");
      for (JsonNode stream : Json.array(account, "stream_detail")) {
        streams.add(stream(accountName, Json.objectOf(stream, "stream_detail[]")));
      }
    }
    return new Jsz(Json.text(root, "server_id"), Json.bool(root, "disabled"),
        meta == null ? null : Json.text(meta, "leader"),
        meta == null ? null : Json.integer(meta, "cluster_size"), storage(root), streams);
  }

  private static NatsServer.Storage storage(JsonNode root) throws BadResponse {
    JsonNode config = Json.child(root, "config");
    long maxStorage = config == null ? -1 : Json.number(config, "max_storage");
    long maxMemory = config == null ? -1 : Json.number(config, "max_memory");
    return new NatsServer.Storage(Json.unsigned(root, "storage"),
        Json.unsigned(root, "reserved_storage"), maxStorage, Json.unsigned(root, "memory"),
        Json.unsigned(root, "reserved_memory"), maxMemory);
  }

  private static StreamView stream(String account, JsonNode stream) throws BadResponse {
    String name = Json.text(stream, "name");
    if (account == null || name == null) {
      throw new BadResponse("stream without account or name");
    }
    JsonNode cluster = Json.child(stream, "cluster");
    List<PeerView> peers = new ArrayList<>();
    if (cluster != null) {
      for (JsonNode r : Json.array(cluster, "replicas")) {
        peers.add(peer(Json.objectOf(r, "replicas[]")));
      }
    }
    JsonNode config = Json.child(stream, "config");
    int replicas = config == null ? 1 : Math.max(1, Json.integer(config, "num_replicas"));
    return new StreamView(account, name, replicas,
        cluster == null ? null : Json.text(cluster, "leader"), peers, state(stream));
  }

  private static PeerView peer(JsonNode r) throws BadResponse {
    String name = Json.text(r, "name");
    if (name == null) {
      throw new BadResponse("replica without name");
    }
    return new PeerView(name, Json.bool(r, "current"), Json.bool(r, "offline"),
        Json.number(r, "active"), Json.number(r, "lag"));
  }

  private static StreamState state(JsonNode stream) throws BadResponse {
    JsonNode s = Json.child(stream, "state");
    if (s == null) {
      throw new BadResponse("stream without state");
    }
    return new StreamState(Json.unsigned(s, "messages"), Json.unsigned(s, "bytes"),
        Json.unsigned(s, "first_seq"), Json.unsigned(s, "last_seq"),
        Json.integer(s, "consumer_count"));
  }

}
