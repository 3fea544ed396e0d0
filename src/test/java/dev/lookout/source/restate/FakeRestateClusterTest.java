package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.source.restate.proto.IdentResponse;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fake answers like the recorded server, so tests against it mean something. */
class FakeRestateClusterTest {
  private final FakeRestateCluster cluster = new FakeRestateCluster();
  private final NodeChannels channels = cluster.channels();

  @AfterEach
  void stop() {
    channels.close();
    cluster.close();
  }

  private static Deadline deadline() {
    return Deadline.after(3, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(Queries.class)
  void queryStreamsTheRecordedBytesInSeveralPieces(Queries q) throws Exception {
    byte[] recorded = Recording.healthy().tables.get(q);
    assertTrue(FakeNode.pieces(recorded, q.ordinal()).size() >= 3);
    QueryResult r = ControlCalls.query(channels.get(URI.create("http://127.0.0.1:5142")), deadline(),
        q.sql()).get();
    assertArrayEquals(recorded, r.arrowStream().toByteArray());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void unknownSqlIsRejectedLikeTheRealServer() {
    ExecutionException e = assertThrows(ExecutionException.class, () -> ControlCalls.query(
        channels.get(URI.create("http://127.0.0.1:5132")), deadline(), "SELECT * FROM nodes").get());
    assertEquals(Status.Code.INVALID_ARGUMENT,
        ((StatusRuntimeException) e.getCause()).getStatus().getCode());
  }

  @Test
  void eachNodeAnswersWithItsOwnGenerationalId() throws Exception {
    int[][] expected = {{5132, 1, 2}, {5142, 2, 1}, {5152, 3, 1}};
    for (int[] e : expected) {
      IdentResponse ident = ControlCalls.getIdent(
          channels.get(URI.create("http://127.0.0.1:" + e[0])), deadline()).get();
      assertEquals(e[1], ident.getNodeId().getId());
      assertEquals(e[2], ident.getNodeId().getGeneration());
      assertEquals(RecordedCluster.UPTIME, ident.getAgeS());
      assertEquals("demo", ident.getClusterName());
    }
  }

  @Test
  void nodeWithoutAdminRoleSaysSoAndRefusesClusterCalls() throws Exception {
    cluster.node(3).notAdmin();
    URI address = URI.create("http://127.0.0.1:5152");
    IdentResponse ident = ControlCalls.getIdent(channels.get(address), deadline()).get();
    assertEquals(List.of("http-ingress", "worker", "log-server", "metadata-server"), ident.getRolesList());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> ControlCalls.getClusterConfiguration(channels.get(address), deadline()).get());
    assertEquals(Status.Code.UNIMPLEMENTED, ((StatusRuntimeException) e.getCause()).getStatus().getCode());
  }
}
