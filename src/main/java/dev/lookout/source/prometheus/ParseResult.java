package dev.lookout.source.prometheus;

import dev.lookout.model.Sample;
import java.util.List;

/**
 * What one page yielded.
 *
 * @param samples every sample of every family that parsed cleanly, in page order
 * @param droppedFamilies families left out because at least one of their lines was malformed,
 *     in the order the first bad line was met
 * @param droppedLines malformed lines; a line that names no family at all counts here only
 */
public record ParseResult(List<Sample> samples, List<String> droppedFamilies, int droppedLines) {
  public ParseResult {
    samples = List.copyOf(samples);
    droppedFamilies = List.copyOf(droppedFamilies);
    if (droppedLines < droppedFamilies.size()) {
      throw new IllegalArgumentException(
          "droppedLines " + droppedLines + " < dropped families " + droppedFamilies.size());
    }
  }
}
