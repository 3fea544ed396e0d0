package dev.lookout.model;

/** The cluster controller's verdict on a node (`nodes.state`). */
public enum Liveness {
  ALIVE("alive"),
  DEAD("dead"),
  FAILING_OVER("failing-over"),
  UNKNOWN("unknown");

  private final String wireName;

  Liveness(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }

  public static Liveness of(String value) {
    return WireNames.parse(values(), Liveness::wireName, value, UNKNOWN);
  }
}
