package dev.lookout.model;

import java.util.List;

/** What every target's snapshot tells the agent about the read itself, whatever the system. */
public interface TargetSnapshot {
  String target();

  long atMillis();

  /** True when the read saw the system at all (not only errors). */
  boolean readOk();

  List<SourceError> errors();

  /**
   * What a target's history keeps of this snapshot: what rules read over time (delta, rate),
   * without what they read only in the newest one. All of it unless a kind says otherwise.
   */
  default TargetSnapshot forHistory() {
    return this;
  }
}
