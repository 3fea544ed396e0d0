package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.source.restate.proto.ClusterCtrlSvcGrpc;
import dev.lookout.source.restate.proto.NodeCtlSvcGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The agent cannot change a cluster: the only calls its stubs can make are these reads. */
class ReadOnlyProtocolTest {
  private static Set<String> methods(ServiceDescriptor service) {
    Set<String> names = new TreeSet<>();
    for (MethodDescriptor<?, ?> m : service.getMethods()) {
      names.add(m.getFullMethodName());
    }
    return names;
  }

  @Test
  void clusterControllerStubsOnlyRead() {
    assertEquals(Set.of("restate.cluster_ctrl.ClusterCtrlSvc/DescribeLog",
        "restate.cluster_ctrl.ClusterCtrlSvc/GetClusterConfiguration",
        "restate.cluster_ctrl.ClusterCtrlSvc/GetClusterState",
        "restate.cluster_ctrl.ClusterCtrlSvc/Query"), methods(ClusterCtrlSvcGrpc.getServiceDescriptor()));
  }

  @Test
  void nodeControlStubsOnlyRead() {
    assertEquals(Set.of("restate.node_ctl_svc.NodeCtlSvc/GetIdent"),
        methods(NodeCtlSvcGrpc.getServiceDescriptor()));
  }
}
