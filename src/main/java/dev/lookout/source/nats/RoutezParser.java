package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;

/** /routez: how many routes the server has to its cluster peers. */
final class RoutezParser {
  private RoutezParser() {}

  static int parse(String body) throws BadResponse {
    JsonNode root = Json.object(body);
    int routes = Json.integer(root, "num_routes");
    if (routes < 0) {
      throw new BadResponse("num_routes is negative: " + routes);
    }
    return routes;
  }
}
