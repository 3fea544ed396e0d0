package dev.lookout.model;

import java.util.List;

/** What every target's snapshot tells the agent about the read itself, whatever the system. */
public interface TargetSnapshot {
  String target();

  long atMillis();

  /** True when the read saw the system at all (not only errors). */
  boolean readOk();

  List<SourceError> errors();
}
