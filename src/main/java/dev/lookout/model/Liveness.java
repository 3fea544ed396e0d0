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
    for (Liveness l : values()) {
      if (l.wireName.equals(value)) {
        return l;
      }
    }
    return UNKNOWN;
  }
}
