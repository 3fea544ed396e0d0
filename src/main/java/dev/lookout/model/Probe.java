package dev.lookout.model;

/** What the agent saw when it called a node itself this tick. */
public enum Probe {
  /** The node answered its identity call. */
  OK,
  /** The call did not finish before the deadline: the node may be hung. */
  TIMEOUT,
  /** The connection was refused or broke: the process is likely gone. */
  UNREACHABLE,
  /** Not probed this tick (no known address). */
  NOT_PROBED;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
