package dev.lookout.source.restate;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import dev.lookout.source.restate.proto.ClusterCtrlSvcGrpc;
import dev.lookout.source.restate.proto.ClusterStateRequest;
import dev.lookout.source.restate.proto.ClusterStateResponse;
import dev.lookout.source.restate.proto.DescribeLogRequest;
import dev.lookout.source.restate.proto.DescribeLogResponse;
import dev.lookout.source.restate.proto.GetClusterConfigurationRequest;
import dev.lookout.source.restate.proto.GetClusterConfigurationResponse;
import dev.lookout.source.restate.proto.IdentResponse;
import dev.lookout.source.restate.proto.NodeCtlSvcGrpc;
import dev.lookout.source.restate.proto.QueryRequest;
import dev.lookout.source.restate.proto.QueryResponse;
import dev.lookout.source.restate.proto.QueryWarning;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The read-only calls the agent makes, each bound to a deadline and answered as a future.
 * Only calls present in our protos exist, so nothing here can change the cluster.
 */
final class ControlCalls {
  private ControlCalls() {}

  static CompletableFuture<IdentResponse> getIdent(Channel channel, Deadline deadline) {
    CompletableFuture<IdentResponse> result = new CompletableFuture<>();
    NodeCtlSvcGrpc.newStub(channel).withDeadline(deadline)
        .getIdent(Empty.getDefaultInstance(), unary(result));
    return result;
  }

  static CompletableFuture<ClusterStateResponse> getClusterState(Channel channel, Deadline deadline) {
    CompletableFuture<ClusterStateResponse> result = new CompletableFuture<>();
    ClusterCtrlSvcGrpc.newStub(channel).withDeadline(deadline)
        .getClusterState(ClusterStateRequest.getDefaultInstance(), unary(result));
    return result;
  }

  static CompletableFuture<GetClusterConfigurationResponse> getClusterConfiguration(
      Channel channel, Deadline deadline) {
    CompletableFuture<GetClusterConfigurationResponse> result = new CompletableFuture<>();
    ClusterCtrlSvcGrpc.newStub(channel).withDeadline(deadline)
        .getClusterConfiguration(GetClusterConfigurationRequest.getDefaultInstance(), unary(result));
    return result;
  }

  static CompletableFuture<DescribeLogResponse> describeLog(Channel channel, Deadline deadline, int logId) {
    CompletableFuture<DescribeLogResponse> result = new CompletableFuture<>();
    ClusterCtrlSvcGrpc.newStub(channel).withDeadline(deadline)
        .describeLog(DescribeLogRequest.newBuilder().setLogId(logId).build(), unary(result));
    return result;
  }

  /** Collects the streamed answer: the payloads form one Arrow IPC stream when joined. */
  static CompletableFuture<QueryResult> query(Channel channel, Deadline deadline, String sql) {
    CompletableFuture<QueryResult> result = new CompletableFuture<>();
    ClusterCtrlSvcGrpc.newStub(channel).withDeadline(deadline)
        .query(QueryRequest.newBuilder().setQuery(sql).build(), new StreamObserver<>() {
          private final List<ByteString> chunks = new ArrayList<>();
          private final List<String> warnings = new ArrayList<>();

          @Override
          public void onNext(QueryResponse response) {
            if (!response.getEncoded().isEmpty()) {
              chunks.add(response.getEncoded());
            }
            for (QueryWarning w : response.getWarningsList()) {
              warnings.add("N" + w.getNodeId().replaceFirst("^N", "") + ": " + w.getMessage());
            }
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            result.complete(new QueryResult(sql, ByteString.copyFrom(chunks), warnings));
          }
        });
    return result;
  }

  private static <T> StreamObserver<T> unary(CompletableFuture<T> result) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        if (!result.isDone()) {
          result.completeExceptionally(new IllegalStateException("call completed without an answer"));
        }
      }
    };
  }
}
