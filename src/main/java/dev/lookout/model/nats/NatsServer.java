package dev.lookout.model.nats;

import java.util.Objects;

/**
 * One NATS server as its monitoring port showed it in one tick. Values a failed or absent
 * endpoint would have given are null, never guessed. {@code name} is the server's own
 * {@code server_name} from /varz, else the label it was configured under.
 *
 * <p>Storage and memory figures are unsigned 64-bit values held in a {@code long}: compare them
 * with {@link Long#compareUnsigned} ({@code reserved_*} is uint64 max when unlimited).
 */
public record NatsServer(
    String name,
    String url,
    Reachability reachable,
    boolean varzOk,
    JszState jszState,
    String serverId,
    String version,
    Boolean jetstreamEnabled,
    String metaLeader,
    Integer metaClusterSize,
    Integer routes,
    Storage storage,
    Health health,
    Stan stan) {

  public NatsServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(reachable, "reachable");
    Objects.requireNonNull(jszState, "jszState");
  }

  /** Whether any endpoint of the server gave a usable answer this tick. */
  public enum Reachability { OK, TIMEOUT, UNREACHABLE, BAD_RESPONSE }

  /**
   * What /jsz said. TIMEOUT while the server otherwise answers is the wedged state seen on a full
   * disk; ABSENT is a server without /jsz (404) or not reached at all.
   */
  public enum JszState { OK, DISABLED, TIMEOUT, ERROR, ABSENT }

  public boolean isStan() {
    return stan != null;
  }

  /** JetStream usage; all unsigned, see the class comment. Max values are -1 when unset. */
  public record Storage(long storageUsed, long storageReserved, long storageMax,
      long memoryUsed, long memoryReserved, long memoryMax) {

    /** Used storage as a fraction of the configured maximum, or null without a maximum. */
    public Double storageFraction() {
      return storageMax <= 0 ? null : unsignedDouble(storageUsed) / storageMax;
    }

    /** An unsigned 64-bit value as a double (uint64 max is about 1.8e19). */
    public static double unsignedDouble(long value) {
      return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
    }
  }

  /** /healthz: HTTP code, {@code status} ("ok", "unavailable", ...) and {@code error} text. */
  public record Health(int httpCode, String status, String error) {
    public boolean ok() {
      return httpCode == 200 && "ok".equals(status);
    }
  }

  /**
   * NATS Streaming (STAN) view of this server, from /streaming/serverz, storez, isFTActive.
   * {@code channelsRead} says whether its channel list was read this tick.
   */
  public record Stan(
      String clusterId,
      StanState state,
      StanRole role,
      int channels,
      int subscriptions,
      long totalMsgs,
      String storeType,
      Boolean ftActive,
      boolean channelsRead) {

    public Stan {
      Objects.requireNonNull(state, "state");
    }
  }

  public enum StanState { STANDALONE, FT_ACTIVE, FT_STANDBY, FAILED, SHUTDOWN, CLUSTERED }

  public enum StanRole { Leader, Follower, Candidate }
}
