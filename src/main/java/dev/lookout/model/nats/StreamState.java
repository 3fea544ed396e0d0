package dev.lookout.model.nats;

/** A stream's contents as one server holds them ({@code state} in that server's /jsz). */
public record StreamState(long messages, long bytes, long firstSeq, long lastSeq, int consumerCount) {

  /** Same messages and first sequence: the comparison that shows a replica rebuilt from nothing. */
  public boolean sameContents(StreamState other) {
    return messages == other.messages && firstSeq == other.firstSeq;
  }
}
