package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any body as the answer of any monitoring endpoint: each parser returns its record or throws
 * BadResponse with a message; no other exception escapes, so one odd server costs only that
 * endpoint's error. Seeds are recorded answers of NATS 2.9 and NATS Streaming 0.25, in
 * MonitoringJsonFuzzTestInputs/everyParser.
 */
@Tag("fuzz")
class MonitoringJsonFuzzTest {
  private interface Parse {
    Object run(String body) throws BadResponse;
  }

  private static final Parse[] PARSERS = {
    VarzParser::parse, JszParser::parse, RoutezParser::parse, ServerzParser::parse,
    StorezParser::parse, body -> HealthzParser.parse(503, body),
    body -> ChannelszParser.parse("n1", body),
  };

  @FuzzTest
  @Timeout(10)
  void everyParser(byte[] input) {
    String body = new String(input, StandardCharsets.UTF_8);
    for (Parse parser : PARSERS) {
      try {
        parser.run(body);
      } catch (BadResponse expected) {
        assertFalse(expected.getMessage() == null || expected.getMessage().isEmpty());
      }
    }
  }
}
