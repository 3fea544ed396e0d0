package dev.lookout.rules.testing;

import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsServer.StanRole;
import dev.lookout.model.nats.NatsServer.StanState;
import java.util.List;

/**
 * A NATS cluster in one snapshot of a rule test, as written under {@code nats:}. Every field left
 * out takes the value of a healthy cluster, see {@link NatsSnapshots}. An empty string says
 * "none" where the model has a nullable name: {@code metaLeader: ""} (no meta leader),
 * {@code leader: ""} (a leaderless stream).
 */
record NatsSpec(List<ServerSpec> servers, List<StreamSpec> streams, List<ChannelSpec> channels) {

  /**
   * One server. It is a NATS Streaming server when {@code stanState} or {@code stanRole} is
   * given (then JetStream is absent by default), else a JetStream server.
   */
  record ServerSpec(String name, Reachability reachable, Boolean varzOk, JszState jszState,
      String version, Boolean jetstreamEnabled, String metaLeader, Integer metaClusterSize,
      Integer routes, Integer healthCode, String healthError, Long storageUsed,
      Long storageReserved, Long storageMax, StanState stanState, StanRole stanRole,
      Integer stanChannels, Integer stanSubscriptions, Boolean ftActive) {

    boolean stan() {
      return stanState != null || stanRole != null;
    }
  }

  /**
   * One stream: the leader's state and the leader's view of each other member. Messages default
   * to 100 from sequence 1; the leader defaults to the first server.
   */
  record StreamSpec(String account, String name, Integer configuredReplicas, String leader,
      Long messages, Long firstSeq, Long lastSeq, List<ReplicaSpec> replicas) {}

  /**
   * A follower. {@code listed: false}: the leader does not list it; {@code ownRead: false}: its
   * own /jsz was not read. Its own state defaults to the leader's.
   */
  record ReplicaSpec(String server, Boolean listed, Boolean current, Boolean offline, Long lag,
      Long activeNanos, Boolean ownRead, Long ownMessages, Long ownFirstSeq, Long ownLastSeq) {}

  /**
   * One STAN channel on one server ({@code server}) or the same on several ({@code servers}),
   * holding {@code firstSeq..lastSeq} (1..100 by default).
   */
  record ChannelSpec(String server, List<String> servers, String name, Long msgs, Long firstSeq,
      Long lastSeq, Integer subsCount, List<SubscriptionSpec> subscriptions) {

    List<String> serversOrOne() {
      return servers != null ? servers : server == null ? List.of() : List.of(server);
    }
  }

  /** A subscription; durable when it has a durable name. {@code lastSent} defaults to the end. */
  record SubscriptionSpec(String clientId, String durableName, String queueName, Boolean durable,
      Boolean offline, Long lastSent, Long pendingCount, Boolean stalled) {}
}
