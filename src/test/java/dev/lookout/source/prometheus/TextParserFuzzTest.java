package dev.lookout.source.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lookout.model.Sample;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any page: the parser never throws (a bad line costs its family, not the page), and what it
 * keeps survives being written back in the text format and read again, unchanged. Seeds are
 * in TextParserFuzzTestInputs/parseRenderParse.
 */
@Tag("fuzz")
class TextParserFuzzTest {

  @FuzzTest
  @Timeout(10)
  void parseRenderParse(byte[] input) {
    ParseResult first = TextParser.parse(new String(input, StandardCharsets.UTF_8));
    String page = render(first.samples());
    ParseResult again = TextParser.parse(page);
    assertEquals(List.of(), again.droppedFamilies(), page);
    assertEquals(0, again.droppedLines(), page);
    assertEquals(comparable(first.samples()), comparable(again.samples()), page);
  }

  /** One sample line each, in the 0.0.4 text format; no # TYPE lines, so no family can object. */
  static String render(List<Sample> samples) {
    StringBuilder out = new StringBuilder();
    for (Sample s : samples) {
      out.append(s.name());
      if (!s.labels().isEmpty()) {
        out.append(new TreeMap<>(s.labels()).entrySet().stream()
            .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
            .collect(Collectors.joining(",", "{", "}")));
      }
      out.append(' ').append(s.value()).append('\n');
    }
    return out.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Values compared by their bits, so that NaN equals NaN and -0.0 differs from 0.0. */
  private static List<String> comparable(List<Sample> samples) {
    return samples.stream()
        .map(s -> s.name() + new TreeMap<>(s.labels()) + Double.doubleToLongBits(s.value()))
        .collect(Collectors.toList());
  }

}
