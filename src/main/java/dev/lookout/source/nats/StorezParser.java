package dev.lookout.source.nats;

import com.fasterxml.jackson.databind.JsonNode;

/** /streaming/storez: the store type (FILE, SQL, MEMORY, RAFT_FILE, ...). */
final class StorezParser {
  private StorezParser() {}

  static String parse(String body) throws BadResponse {
    JsonNode root = Json.object(body);
    String type = Json.text(root, "type");
    if (type == null) {
      throw new BadResponse("no type");
    }
    return type;
  }
}
