package dev.lookout.source.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextParserTest {

  private static List<String> clean(String page) {
    ParseResult result = TextParser.parse(page);
    assertEquals(List.of(), result.droppedFamilies(), "dropped families");
    assertEquals(0, result.droppedLines(), "dropped lines");
    return Rendered.of(result);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a\\\\b         | a\\b",
      "say \\\"hi\\\" | say \"hi\"",
      "two\\nlines    | 'two\nlines'",
      "\\\\n          | \\n",
      "a}b,c=d{       | a}b,c=d{",
      "'  spaced  '   | '  spaced  '",
      "ünïcødé ✓      | ünïcødé ✓",
  })
  void labelValueEscapes(String raw, String expected) {
    ParseResult result = TextParser.parse("m{v=\"" + raw + "\"} 1\n");
    assertEquals(0, result.droppedLines());
    assertEquals(expected, result.samples().get(0).label("v"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "NaN | NaN", "nan | NaN", "+Inf | Infinity", "-Inf | -Infinity", "Inf | Infinity",
      "+Infinity | Infinity", "0 | 0.0", "-0 | -0.0", "42 | 42.0", "-17 | -17.0",
      "1e3 | 1000.0", "-1.5E-3 | -0.0015", ".5 | 0.5", "+3 | 3.0", "2.5e+2 | 250.0",
      "123456789012345678901 | 1.2345678901234568E20",
      "1.7976931348623157e308 | 1.7976931348623157E308",
      "0.049080241000000004 | 0.049080241000000004",
  })
  void values(String token, String expected) {
    assertEquals(List.of("m " + expected), clean("m " + token + "\n"));
  }

  @Test
  void timestampsAreReadAndIgnored() {
    assertEquals(List.of("m 1.0", "m{a=b} 2.0", "m{a=c} 3.0"),
        clean("m 1 1712345678000\nm{a=\"b\"} 2 -5\nm{a=\"c\"}\t3\t0\n"));
  }

  @Test
  void layoutVariants() {
    String page = "\n\r\n  \t\n"
        + "# HELP m Help with \\\\ and \\n escapes and a \"quote\".\r\n"
        + "# TYPE m gauge\r\n"
        + "m{} 1\r\n"
        + "m{ a = \"1\" , b=\"2\", } 2\r\n"
        + "m{a=\"3\",} 3\r\n"
        + "  m   4   \r\n"
        + "m {a=\"5\"}5\r\n"
        + "#\n# a plain comment\n#HELP m no blank after the hash\n"
        + "m{a=\"6\"} 6";
    assertEquals(List.of("m 1.0", "m{a=1,b=2} 2.0", "m{a=3} 3.0", "m 4.0", "m{a=5} 5.0",
        "m{a=6} 6.0"), clean(page));
  }

  @Test
  void histogramAndSummaryKeepTheirSuffixedNames() {
    String page = "# HELP rpc_seconds RPC latency.\n"
        + "# TYPE rpc_seconds histogram\n"
        + "rpc_seconds_bucket{le=\"0.1\"} 3\n"
        + "rpc_seconds_bucket{le=\"1\"} 5\n"
        + "rpc_seconds_bucket{le=\"+Inf\"} 6\n"
        + "rpc_seconds_sum 2.5\n"
        + "rpc_seconds_count 6\n"
        + "rpc_seconds_created 1.7e9\n"
        + "# TYPE get_duration summary\n"
        + "get_duration{quantile=\"0.5\"} 0.0007\n"
        + "get_duration{quantile=\"0.99\"} NaN\n"
        + "get_duration_sum 0.5\n"
        + "get_duration_count 12\n";
    assertEquals(List.of("rpc_seconds_bucket{le=0.1} 3.0", "rpc_seconds_bucket{le=1} 5.0",
        "rpc_seconds_bucket{le=+Inf} 6.0", "rpc_seconds_sum 2.5", "rpc_seconds_count 6.0",
        "rpc_seconds_created 1.7E9", "get_duration{quantile=0.5} 7.0E-4",
        "get_duration{quantile=0.99} NaN", "get_duration_sum 0.5", "get_duration_count 12.0"),
        clean(page));
  }

  @Test
  void countersWithAndWithoutTotalInTheirFamilyName() {
    String page = "# TYPE restate_partition_stop_total counter\n"
        + "restate_partition_stop_total{partition=\"2\",type=\"log-gap-detected\"} 7\n"
        + "# TYPE requests counter\n"
        + "requests_total 4\n"
        + "requests_created 1.7e9\n";
    assertEquals(List.of("restate_partition_stop_total{partition=2,type=log-gap-detected} 7.0",
        "requests_total 4.0", "requests_created 1.7E9"), clean(page));
  }

  @Test
  void helpWithoutTypeAndSamplesWithoutMetadata() {
    String page = "up 1\n"
        + "http_requests_total{code=\"200\"} 3\n"
        + "# HELP restate_partition_blocked_flare Partitions that cannot start.\n"
        + "restate_partition_blocked_flare{partition=\"1\",reason=\"snapshot-unavailable\"} 1\n";
    assertEquals(List.of("up 1.0", "http_requests_total{code=200} 3.0",
        "restate_partition_blocked_flare{partition=1,reason=snapshot-unavailable} 1.0"),
        clean(page));
  }

  @Test
  void familyDeclaredInSeveralBlocksIsOneFamily() {
    String page = "# TYPE rocks gauge\nrocks{db=\"a\"} 1\n\n# TYPE other gauge\nother 2\n"
        + "# HELP rocks again\n# TYPE rocks gauge\nrocks{db=\"b\"} 3\n";
    assertEquals(List.of("rocks{db=a} 1.0", "other 2.0", "rocks{db=b} 3.0"), clean(page));
  }

  @Test
  void namesAndLabelTextAreSharedWithinThePage() {
    ParseResult r = TextParser.parse("# TYPE a gauge\na{n=\"1\"} 1\n# TYPE b gauge\nb{n=\"1\"} 2\n");
    assertSame(r.samples().get(0).labels().get("n"), r.samples().get(1).labels().get("n"));
    ParseResult twice = TextParser.parse("x_sum{k=\"v\"} 1\nx_sum{k=\"w\"} 2\n");
    assertSame(twice.samples().get(0).name(), twice.samples().get(1).name());
    assertSame(twice.samples().get(0).labels().keySet().iterator().next(),
        twice.samples().get(1).labels().keySet().iterator().next());
  }

  @Test
  void filterKeepsOnlyWantedFamiliesAndIgnoresErrorsElsewhere() {
    String page = "# TYPE keep gauge\nkeep 1\n"
        + "# TYPE skip gauge\nskip{broken 2\nnot_even_skip 3\n"
        + "# TYPE keep_too counter\nkeep_too 4\n"
        + "# TYPE skip gauges\n"
        + "# TYPE keep gauge\nkeep{a=\"b\"} 5\n";
    ParseResult r = TextParser.parse(page, Set.of("keep", "keep_too"));
    assertEquals(List.of("keep 1.0", "keep_too 4.0", "keep{a=b} 5.0"), Rendered.of(r));
    assertEquals(List.of(), r.droppedFamilies());
    assertEquals(0, r.droppedLines());
  }

  @Test
  void filterAppliesToTheStemOfSamplesWithoutMetadata() {
    ParseResult r = TextParser.parse("a_total 1\nb_count 2\nb_sum 3\nc 4\n", Set.of("b"));
    assertEquals(List.of("b_count 2.0", "b_sum 3.0"), Rendered.of(r));
  }

  @Test
  void addedLabelJoinsEverySampleAndReplacesOneOfTheSameName() {
    String page = "# TYPE m gauge\nm 1\nm{} 2\nm{a=\"x\"} 3\nm{node=\"old\",a=\"y\"} 4\n";
    ParseResult r = TextParser.parse(page, Set.of("m"), "node", "N3");
    assertEquals(List.of("m{node=N3} 1.0", "m{node=N3} 2.0", "m{a=x,node=N3} 3.0", "m{a=y,node=N3} 4.0"),
        Rendered.of(r));
  }

  @Test
  void addedLabelDoesNotHideADuplicateOnThePage() {
    String page = "# TYPE m gauge\nm{node=\"a\",node=\"b\"} 1\n# TYPE n gauge\nn 2\n";
    ParseResult r = TextParser.parse(page, Set.of("m", "n"), "node", "N3");
    assertEquals(List.of("n{node=N3} 2.0"), Rendered.of(r));
    assertEquals(List.of("m"), r.droppedFamilies());
  }

  @Test
  void emptyPage() {
    assertEquals(new ParseResult(List.of(), List.of(), 0), TextParser.parse(""));
    assertEquals(List.of(), clean("\n\n# only comments\n"));
  }
}
