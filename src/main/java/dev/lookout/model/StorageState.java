package dev.lookout.model;

/** A log server's storage state as Restate reports it in the `nodes` table. */
public enum StorageState {
  PROVISIONING("provisioning"),
  READ_WRITE("read-write"),
  READ_ONLY("read-only"),
  GONE("gone"),
  DATA_LOSS("data-loss"),
  DISABLED("disabled"),
  UNKNOWN("unknown");

  private final String wireName;

  StorageState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }

  /** Unrecognised or absent values map to UNKNOWN rather than failing the whole scrape. */
  public static StorageState of(String value) {
    return WireNames.parse(values(), StorageState::wireName, value, UNKNOWN);
  }
}
