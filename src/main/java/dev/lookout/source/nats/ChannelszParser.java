package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.model.nats.StanChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * /streaming/channelsz?subs=1: every channel with its subscriptions. A server without channels
 * omits {@code channels}; a channel without subscriptions omits {@code subscriptions}.
 */
final class ChannelszParser {
  private ChannelszParser() {}

  static List<StanChannel> parse(String server, String body) throws BadResponse {
    JsonNode root = Json.object(body);
    List<StanChannel> channels = new ArrayList<>();
    for (JsonNode c : Json.array(root, "channels")) {
      channels.add(channel(server, Json.objectOf(c, "channels[]")));
    }
    return channels;
  }

  private static StanChannel channel(String server, JsonNode c) throws BadResponse {
    String name = Json.text(c, "name");
    if (name == null) {
      throw new BadResponse("channel without name");
    }
    List<StanChannel.Subscription> subs = new ArrayList<>();
    for (JsonNode s : Json.array(c, "subscriptions")) {
      subs.add(subscription(Json.objectOf(s, "subscriptions[]")));
    }
    return new StanChannel(server, name, Json.unsigned(c, "msgs"), Json.unsigned(c, "bytes"),
        Json.unsigned(c, "first_seq"), Json.unsigned(c, "last_seq"),
        Json.integer(c, "subs_count"), subs);
  }

  private static StanChannel.Subscription subscription(JsonNode s) throws BadResponse {
    return new StanChannel.Subscription(Json.text(s, "client_id"), emptyAsNull(s, "durable_name"),
        emptyAsNull(s, "queue_name"), Json.bool(s, "is_durable"), Json.bool(s, "is_offline"),
        Json.unsigned(s, "last_sent"), Json.number(s, "pending_count"),
        Json.bool(s, "is_stalled"));
  }

  private static String emptyAsNull(JsonNode s, String field) throws BadResponse {
    String v = Json.text(s, field);
    return v == null || v.isEmpty() ? null : v;
  }
}
