package dev.lookout.model;

import java.util.List;
import java.util.Objects;

/**
 * What one tick read from one JVM over JMX: a sample per numeric attribute (and per numeric
 * item of composite attributes), and the reads that failed. A scrape that failed as a whole
 * has no samples and one error.
 */
public record JmxSnapshot(String target, long atMillis, List<Sample> samples,
    List<SourceError> errors) implements TargetSnapshot {
  public JmxSnapshot {
    Objects.requireNonNull(target, "target");
    samples = List.copyOf(samples);
    errors = List.copyOf(errors);
  }

  /** True when nothing failed this tick. */
  @Override
  public boolean readOk() {
    return ok();
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
