package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StreamState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived helpers on built values; the diverged case is the one the facts describe (5 vs 110765). */
class ModelTest {
  private static final StreamState LEADER = new StreamState(110765, 117360830, 1, 110765, 1);

  @Test
  void replicaTheLeaderCallsCurrentButHoldsFiveMessagesDiverged() {
    NatsStream s = new NatsStream("$G", "ORDERS", 3, "n3", LEADER, List.of(
        new NatsStream.Replica("n1", true, false, 1L, 0L, LEADER),
        new NatsStream.Replica("n2", true, false, 1L, 0L, new StreamState(5, 5300, 110761, 110765, 1))));
    assertEquals(List.of("n2"), s.divergedReplicas().stream().map(NatsStream.Replica::server).toList());
    assertEquals(List.of(), s.unhealthyReplicas());
    assertFalse(s.underReplicated());
  }

  @Test
  void replicaNotCurrentIsUnhealthyNotDiverged() {
    NatsStream s = new NatsStream("$G", "ORDERS", 3, "n3", LEADER, List.of(
        new NatsStream.Replica("n2", false, true, 9L, 10L, new StreamState(5, 1, 1, 5, 0))));
    assertEquals(List.of(), s.divergedReplicas());
    assertEquals(1, s.unhealthyReplicas().size());
    assertTrue(s.underReplicated());
  }

  @Test
  void durableBehindFirstSequenceLostMessages() {
    StanChannel.Subscription behind = new StanChannel.Subscription("c", "d", null, true, true, 149, 0, false);
    StanChannel.Subscription next = new StanChannel.Subscription("c2", "d2", null, true, false, 150, 0, false);
    StanChannel ch = new StanChannel("n1", "orders", 10, 100, 151, 160, 2, List.of(behind, next));
    assertEquals(List.of(behind), ch.lostMessages());
  }

  @Test
  void unsignedStorageFraction() {
    NatsServer.Storage st = new NatsServer.Storage(512, -1L, 1024, 0, -1L, 0);
    assertEquals(0.5, st.storageFraction());
    assertEquals(1.8446744073709552E19, NatsServer.Storage.unsignedDouble(-1L));
    assertTrue(Long.compareUnsigned(st.storageReserved(), st.storageMax()) > 0);
  }
}
