package dev.lookout.source.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;

/**
 * Field access for monitoring JSON. The server omits many fields when false or zero, so an
 * absent field reads as false, 0 or null; a present field of the wrong type is a BadResponse.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Json() {}

  /** The body as a JSON object. */
  static JsonNode object(String body) throws BadResponse {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadResponse("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadResponse("not a JSON object");
    }
    return node;
  }

  static String text(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      throw wrong(field, "a string", n);
    }
    return n.textValue();
  }

  static boolean bool(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw wrong(field, "a boolean", n);
    }
    return n.booleanValue();
  }

  /** A signed number that fits a long; absent is 0. */
  static long number(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n == null) {
      return 0;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw wrong(field, "an integer", n);
    }
    return n.longValue();
  }

  static int integer(JsonNode parent, String field) throws BadResponse {
    long v = number(parent, field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new BadResponse(field + " out of range: " + v);
    }
    return (int) v;
  }

  /** An unsigned 64-bit number held in a long's bits; absent is 0. */
  static long unsigned(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n == null) {
      return 0;
    }
    if (!n.isIntegralNumber()) {
      throw wrong(field, "an unsigned integer", n);
    }
    BigInteger v = n.bigIntegerValue();
    if (v.signum() < 0 || v.compareTo(UINT64_MAX) > 0) {
      throw new BadResponse(field + " out of unsigned 64-bit range: " + v);
    }
    return v.longValue();
  }

  /** An object field; absent is null. */
  static JsonNode child(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n != null && !n.isObject()) {
      throw wrong(field, "an object", n);
    }
    return n;
  }

  /** An array field; absent is an empty array. */
  static Iterable<JsonNode> array(JsonNode parent, String field) throws BadResponse {
    JsonNode n = present(parent, field);
    if (n == null) {
      return MAPPER.createArrayNode();
    }
    if (!n.isArray()) {
      throw wrong(field, "an array", n);
    }
    return n;
  }

  /** An array element that must be an object. */
  static JsonNode objectOf(JsonNode node, String what) throws BadResponse {
    if (!node.isObject()) {
      throw new BadResponse(what + " is not an object");
    }
    return node;
  }

  private static JsonNode present(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : n;
  }

  private static BadResponse wrong(String field, String expected, JsonNode actual) {
    return new BadResponse(field + " is not " + expected + ": " + actual.getNodeType());
  }
}
