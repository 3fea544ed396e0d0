package dev.lookout.source.prometheus;

import java.util.Arrays;

/**
 * Prints the median time to parse the real Restate page. Run by hand, not by the test suite:
 * {@code java -cp target/classes:target/test-classes dev.lookout.source.prometheus.TextParserTiming}
 */
public final class TextParserTiming {
  private TextParserTiming() {}

  public static void main(String[] args) throws Exception {
    String page = RestatePageTest.page();
    long cold = System.nanoTime();
    TextParser.parse(page);
    cold = System.nanoTime() - cold;
    int warmup = 2_000;
    int runs = 1_000;
    for (int i = 0; i < warmup; i++) {
      TextParser.parse(page);
    }
    long[] nanos = new long[runs];
    int samples = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      samples += TextParser.parse(page).samples().size();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("page %d chars, %d samples: cold %.1f ms; warm median %.3f ms, p90 %.3f ms%n",
        page.length(), samples / runs, cold / 1e6, nanos[runs / 2] / 1e6,
        nanos[runs * 9 / 10] / 1e6);
  }
}
