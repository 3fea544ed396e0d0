package dev.lookout.model;

/**
 * One partition processor on one node (a `partition_state` row). LSNs are null when the processor
 * does not report them, e.g. {@code appliedLsn} while it cannot start. Derived figures are null
 * whenever an input is unknown, never guessed.
 */
public record Replica(
    int partition,
    int node,
    String targetMode,
    String effectiveMode,
    String replayStatus,
    Long appliedLsn,
    Long durableLsn,
    Long archivedLsn,
    Long targetTailLsn,
    String brokenReason,
    Long updatedAtMillis) {

  /** Records between this replica and the log tail, as {@code restatectl} computes it. */
  public Long lag() {
    return targetTailLsn == null || appliedLsn == null ? null : (targetTailLsn - 1) - appliedLsn;
  }

  public boolean isLeader() {
    return "Leader".equalsIgnoreCase(effectiveMode);
  }

  public boolean isBroken() {
    return brokenReason != null && !brokenReason.isEmpty();
  }
}
