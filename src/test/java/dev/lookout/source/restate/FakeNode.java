package dev.lookout.source.restate;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import dev.lookout.source.restate.proto.ClusterCtrlSvcGrpc;
import dev.lookout.source.restate.proto.ClusterStateRequest;
import dev.lookout.source.restate.proto.ClusterStateResponse;
import dev.lookout.source.restate.proto.DescribeLogRequest;
import dev.lookout.source.restate.proto.DescribeLogResponse;
import dev.lookout.source.restate.proto.GenerationalNodeId;
import dev.lookout.source.restate.proto.GetClusterConfigurationRequest;
import dev.lookout.source.restate.proto.GetClusterConfigurationResponse;
import dev.lookout.source.restate.proto.IdentResponse;
import dev.lookout.source.restate.proto.NodeCtlSvcGrpc;
import dev.lookout.source.restate.proto.QueryRequest;
import dev.lookout.source.restate.proto.QueryResponse;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake Restate node serving a {@link Recording} over NodeCtlSvc and ClusterCtrlSvc, with
 * switches that break it the ways real nodes break. Its identity is the recorded one (node 1)
 * with the node id and generation replaced.
 */
final class FakeNode {
  private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fake-restate-later");
    t.setDaemon(true);
    return t;
  });

  final int id;
  final int generation;
  /** "127.0.0.1:5132": how the `nodes` table and the agent's configuration name this node. */
  final String hostPort;
  private final Recording recording;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<Queries> garbage = ConcurrentHashMap.newKeySet();
  /** Each table's answer cut into messages once, so serving a large table costs no copying. */
  private final Map<Queries, List<ByteString>> answers = new ConcurrentHashMap<>();
  private final Map<Queries, Queries> swapped = new ConcurrentHashMap<>();
  private volatile boolean down;
  private volatile boolean hang;
  private volatile boolean notAdmin;
  private volatile String metricsPage;
  private volatile long identDelayMillis;
  private volatile long delayMillis;
  private volatile long describeDelayMillis;
  /** Tables answered only after a delay, as a query fanning out to a hung node is. */
  private final Map<Queries, Long> slowTables = new ConcurrentHashMap<>();
  /** Every log's trim point in DescribeLog answers, when set; else the recording's. */
  private volatile Long trimPoint;

  FakeNode(int id, int generation, String hostPort, Recording recording) {
    this.id = id;
    this.generation = generation;
    this.hostPort = hostPort;
    this.recording = recording;
    this.metricsPage = recording.metricsPage;
  }

  /** The process is gone: every call fails UNAVAILABLE, /metrics refuses the connection. */
  FakeNode down() {
    down = true;
    return this;
  }

  /** The process is back: it answers again (a restarted node, a resumed one). */
  FakeNode up() {
    down = false;
    hang = false;
    return this;
  }

  /** Every call and /metrics answer only after this delay: later than a deadline shorter than it. */
  FakeNode slow(long millis) {
    delayMillis = millis;
    return this;
  }

  /** The table's query answers only after this delay; 0 makes it prompt again. */
  FakeNode slowTable(Queries table, long millis) {
    slowTables.put(table, millis);
    return this;
  }

  /** DescribeLog answers only after this delay, naming {@code trimPoint} for every log. */
  FakeNode slowDescribeLog(long millis, long trimPoint) {
    describeDelayMillis = millis;
    this.trimPoint = trimPoint;
    return this;
  }

  /** The table answers with another table's stream: valid Arrow, the wrong schema. */
  FakeNode wrongSchema(Queries table, Queries servedInstead) {
    swapped.put(table, servedInstead);
    return this;
  }

  /** The process is stuck: calls and /metrics never answer, so only deadlines end them. */
  FakeNode hang() {
    hang = true;
    return this;
  }

  /** Configured without the admin role: GetIdent omits it, ClusterCtrlSvc is UNIMPLEMENTED. */
  FakeNode notAdmin() {
    notAdmin = true;
    return this;
  }

  /** The table's Arrow stream is cut in half, as by a server that dies while streaming it. */
  FakeNode garbage(Queries table) {
    garbage.add(table);
    return this;
  }

  /** GetIdent answers only after this delay, so other nodes answer first. */
  FakeNode slowIdent(long millis) {
    identDelayMillis = millis;
    return this;
  }

  FakeNode metricsPage(String page) {
    metricsPage = page;
    return this;
  }

  /** How many calls of a method ("Query", "GetIdent", ...) reached this node. */
  int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  String address() {
    return "http://" + hostPort;
  }

  List<ServerServiceDefinition> services() {
    ServerInterceptor faults = new Faults();
    return List.of(ServerInterceptors.intercept(new NodeCtl(), faults),
        ServerInterceptors.intercept(new ClusterCtrl(), faults));
  }

  CompletableFuture<String> page() {
    if (down) {
      return CompletableFuture.failedFuture(new ConnectException("Connection refused"));
    }
    if (hang) {
      return new CompletableFuture<>();
    }
    long delay = delayMillis;
    return delay == 0 ? CompletableFuture.completedFuture(metricsPage)
        : CompletableFuture.supplyAsync(() -> metricsPage,
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
  }

  IdentResponse ident() {
    IdentResponse.Builder b = recording.ident.toBuilder()
        .setNodeId(GenerationalNodeId.newBuilder().setId(id).setGeneration(generation));
    if (notAdmin) {
      List<String> roles = new ArrayList<>(b.getRolesList());
      roles.remove("admin");
      b.clearRoles().addAllRoles(roles);
    }
    return b.build();
  }

  /** Counts every call, then lets the switches decide whether it reaches the services. */
  private final class Faults implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      calls.computeIfAbsent(call.getMethodDescriptor().getBareMethodName(), k -> new AtomicInteger())
          .incrementAndGet();
      if (hang) {
        return new ServerCall.Listener<>() {};
      }
      long delay = delayMillis;
      if (delay > 0) {
        call = new Delayed<>(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay));
      }
      Status refusal = down ? Status.UNAVAILABLE.withDescription("fake node " + id + " is down")
          : notAdmin && ClusterCtrlSvcGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())
              ? Status.UNIMPLEMENTED.withDescription("no admin role on node " + id) : null;
      if (refusal != null) {
        call.close(refusal, new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }

  /**
   * A call whose answer leaves no earlier than {@code dueNanos}, without holding a thread
   * meanwhile. One thread sends every delayed answer, so a call's parts keep their order.
   */
  private static final class Delayed<Q, A> extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {
    private final long dueNanos;

    Delayed(ServerCall<Q, A> call, long dueNanos) {
      super(call);
      this.dueNanos = dueNanos;
    }

    /** A call the client gave up on meanwhile is dropped, as a server's late answer would be. */
    private void later(Runnable r) {
      LATER.schedule(() -> {
        if (!isCancelled()) {
          r.run();
        }
      }, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      later(() -> super.sendHeaders(headers));
    }

    @Override
    public void sendMessage(A message) {
      later(() -> super.sendMessage(message));
    }

    @Override
    public void close(Status status, Metadata trailers) {
      later(() -> super.close(status, trailers));
    }
  }

  /** Answers now, on the serving thread, or after {@code millis} without holding it. */
  private static void answerIn(long millis, Runnable answer) {
    if (millis <= 0) {
      answer.run();
    } else {
      LATER.schedule(answer, millis, TimeUnit.MILLISECONDS);
    }
  }

  private final class NodeCtl extends NodeCtlSvcGrpc.NodeCtlSvcImplBase {
    @Override
    public void getIdent(Empty request, StreamObserver<IdentResponse> answer) {
      try {
        Thread.sleep(identDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer.onError(Status.CANCELLED.asRuntimeException());
        return;
      }
      answer.onNext(ident());
      answer.onCompleted();
    }
  }

  private final class ClusterCtrl extends ClusterCtrlSvcGrpc.ClusterCtrlSvcImplBase {
    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> answer) {
      Queries q = Recording.querying(request.getQuery());
      if (q == null) {
        answer.onError(Status.INVALID_ARGUMENT.withDescription("unknown query").asRuntimeException());
        return;
      }
      Queries served = swapped.getOrDefault(q, q);
      byte[] stream = recording.tables.get(served);
      List<ByteString> messages = garbage.contains(q)
          ? pieces(Arrays.copyOf(stream, stream.length / 2), q.ordinal())
          : answers.computeIfAbsent(served, t -> pieces(stream, t.ordinal()));
      answerIn(slowTables.getOrDefault(q, 0L), () -> {
        for (ByteString piece : messages) {
          answer.onNext(QueryResponse.newBuilder().setEncoded(piece).build());
        }
        answer.onCompleted();
      });
    }

    @Override
    public void describeLog(DescribeLogRequest request, StreamObserver<DescribeLogResponse> answer) {
      DescribeLogResponse r = recording.describeLogs.get(request.getLogId());
      if (r == null) {
        answer.onError(Status.NOT_FOUND.withDescription("log " + request.getLogId()).asRuntimeException());
        return;
      }
      Long trim = trimPoint;
      DescribeLogResponse reply = trim == null ? r : r.toBuilder().setTrimPoint(trim).build();
      answerIn(describeDelayMillis, () -> {
        answer.onNext(reply);
        answer.onCompleted();
      });
    }

    @Override
    public void getClusterConfiguration(GetClusterConfigurationRequest request,
        StreamObserver<GetClusterConfigurationResponse> answer) {
      answer.onNext(recording.configuration);
      answer.onCompleted();
    }

    @Override
    public void getClusterState(ClusterStateRequest request, StreamObserver<ClusterStateResponse> answer) {
      answer.onNext(recording.clusterState);
      answer.onCompleted();
    }
  }

  /**
   * Splits a stream at three arbitrary (seeded) byte offsets, so Arrow messages and even their
   * length prefixes straddle gRPC messages; the client must join the pieces.
   */
  static List<ByteString> pieces(byte[] stream, int seed) {
    int[] cuts = new Random(seed).ints(3, 1, Math.max(2, stream.length)).sorted().toArray();
    List<ByteString> pieces = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      pieces.add(ByteString.copyFrom(stream, from, cut - from));
      from = cut;
    }
    pieces.add(ByteString.copyFrom(stream, from, stream.length - from));
    return pieces;
  }
}
