package dev.lookout.source.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken block sits between two good families; only its own family may go. */
class MalformedFamilyTest {
  private static final String BEFORE = "# HELP before_total Good family above.\n"
      + "# TYPE before_total counter\n"
      + "before_total{a=\"x\"} 1\n\n";
  private static final String AFTER = "\n# TYPE after gauge\nafter 3\n";
  private static final List<String> SURVIVORS = List.of("before_total{a=x} 1.0", "after 3.0");

  record Case(String why, String block, String family, int lines) {
    @Override
    public String toString() {
      return why;
    }
  }

  static Stream<Case> cases() {
    String gauge = "# TYPE bad gauge\nbad{k=\"ok\"} 2\n";
    return Stream.of(
        new Case("label value without quotes", gauge + "bad{k=v} 1\n", "bad", 1),
        new Case("label name starts with a digit", gauge + "bad{1k=\"v\"} 1\n", "bad", 1),
        new Case("label name with a colon", gauge + "bad{a:b=\"v\"} 1\n", "bad", 1),
        new Case("missing comma between labels", gauge + "bad{a=\"1\" b=\"2\"} 1\n", "bad", 1),
        new Case("empty label between commas", gauge + "bad{a=\"1\",,b=\"2\"} 1\n", "bad", 1),
        new Case("unterminated label set", gauge + "bad{a=\"1\" 1\n", "bad", 1),
        new Case("unterminated label value", gauge + "bad{a=\"1} 1\n", "bad", 1),
        new Case("bad escape \\t", gauge + "bad{a=\"x\\ty\"} 1\n", "bad", 1),
        new Case("duplicate label", gauge + "bad{a=\"1\",a=\"2\"} 1\n", "bad", 1),
        new Case("value with trailing letters", gauge + "bad 12abc\n", "bad", 1),
        new Case("hex value", gauge + "bad 0x1p3\n", "bad", 1),
        new Case("Java float suffix", gauge + "bad 1d\n", "bad", 1),
        new Case("misspelt infinity", gauge + "bad +Inff\n", "bad", 1),
        new Case("sign only", gauge + "bad -\n", "bad", 1),
        new Case("two exponents", gauge + "bad 1e5e5\n", "bad", 1),
        new Case("missing value after labels", gauge + "bad{a=\"1\"}\n", "bad", 1),
        new Case("missing value", gauge + "bad\n", "bad", 1),
        new Case("fractional timestamp", gauge + "bad 1 12.5\n", "bad", 1),
        new Case("text after timestamp", gauge + "bad 1 123 456\n", "bad", 1),
        new Case("name runs into punctuation", gauge + "bad-x 1\n", "bad", 1),
        new Case("line without a name", gauge + "{a=\"1\"} 1\n", "bad", 1),
        new Case("sample of another family", gauge + "other 1\n", "bad", 1),
        new Case("bucket under a gauge", gauge + "bad_bucket{le=\"1\"} 1\n", "bad", 1),
        new Case("sum under a gauge", gauge + "bad_sum 1\n", "bad", 1),
        new Case("bare name under a histogram",
            "# TYPE bad histogram\nbad_count 1\nbad 1\n", "bad", 1),
        new Case("unknown type", "# TYPE bad gauges\nbad 1\n", "bad", 1),
        new Case("text after the type", "# TYPE bad gauge extra\nbad 1\n", "bad", 1),
        new Case("type missing", "# TYPE bad\nbad 1\n", "bad", 1),
        new Case("two bad lines count twice", gauge + "bad{ 1\nbad 1 x\n", "bad", 2),
        new Case("invalid name on TYPE", "# TYPE bad-name gauge\nbad-name 1\n", "bad-name", 2),
        new Case("invalid name on HELP", "# HELP 1bad Help.\n1bad 1\n", "1bad", 2));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void dropsExactlyTheBrokenFamily(Case c) {
    ParseResult result = TextParser.parse(BEFORE + c.block() + AFTER);
    assertEquals(SURVIVORS, Rendered.of(result));
    assertEquals(List.of(c.family()), result.droppedFamilies());
    assertEquals(c.lines(), result.droppedLines());
  }

  @Test
  void conflictingTypeInALaterBlockDropsBothBlocks() {
    String page = BEFORE + "# TYPE bad gauge\nbad{db=\"a\"} 1\n"
        + "# TYPE mid gauge\nmid 5\n"
        + "# TYPE bad counter\nbad{db=\"b\"} 2\n" + AFTER;
    ParseResult result = TextParser.parse(page);
    assertEquals(List.of("before_total{a=x} 1.0", "mid 5.0", "after 3.0"), Rendered.of(result));
    assertEquals(List.of("bad"), result.droppedFamilies());
    assertEquals(1, result.droppedLines());
  }

  @Test
  void badLineInOneBlockDropsTheFamilyInEveryBlock() {
    String page = "# TYPE rocks gauge\nrocks{db=\"a\"} 1\n# TYPE mid gauge\nmid 5\n"
        + "# TYPE rocks gauge\nrocks{db=\"b\"} NotANumber\n";
    ParseResult result = TextParser.parse(page);
    assertEquals(List.of("mid 5.0"), Rendered.of(result));
    assertEquals(List.of("rocks"), result.droppedFamilies());
  }

  @Test
  void severalBrokenFamiliesAreListedInPageOrder() {
    String page = "# TYPE z gauge\nz{ 1\n# TYPE ok gauge\nok 1\n# TYPE a gauge\na x\n";
    ParseResult result = TextParser.parse(page);
    assertEquals(List.of("ok 1.0"), Rendered.of(result));
    assertEquals(List.of("z", "a"), result.droppedFamilies());
    assertEquals(2, result.droppedLines());
  }

  @Test
  void withoutMetadataTheStemIsTheFamily() {
    String page = "foo_total 1\nfoo_created 2\nbar_count 3\nbar{ 4\nbar_sum 5\nbaz 6\n"
        + "{a=\"1\"} 7\n";
    ParseResult result = TextParser.parse(page);
    assertEquals(List.of("foo_total 1.0", "foo_created 2.0", "baz 6.0"), Rendered.of(result));
    assertEquals(List.of("bar"), result.droppedFamilies());
    assertEquals(2, result.droppedLines(), "the nameless line blames no family");
  }

  @Test
  void emptyTypeLineBlamesNoFamily() {
    ParseResult result = TextParser.parse("# TYPE ok gauge\nok 1\n# TYPE\nlater_sum 2\n");
    assertEquals(List.of("ok 1.0", "later_sum 2.0"), Rendered.of(result));
    assertEquals(List.of(), result.droppedFamilies());
    assertEquals(1, result.droppedLines());
  }
}
