package dev.lookout.source.restate;

import dev.lookout.tls.TlsMaterial;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One lazily created gRPC channel per node address, reused across ticks. Addresses are
 * {@code http://host:port} or {@code unix:///path/fabric.sock}. TCP channels acknowledge each
 * read at once where they can ({@link QuickAckTcp}).
 */
final class NodeChannels implements AutoCloseable {
  /** One Query answer is one Arrow record batch; large clusters need more than gRPC's 4 MiB. */
  private static final int MAX_INBOUND_BYTES = 32 * 1024 * 1024;

  private final Map<URI, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final Function<URI, ManagedChannel> opener;
  /** Null when the default transport is used. */
  private final QuickAckTcp quickAck;

  NodeChannels() {
    this(Optional.empty());
  }

  /** TCP channels over TLS with {@code tls} (its CAs, its client certificate); sockets stay plain. */
  NodeChannels(Optional<TlsMaterial> tls) {
    this.quickAck = QuickAckTcp.available() ? new QuickAckTcp() : null;
    this.opener = address -> open(address, tls, quickAck);
  }

  /** With another opener, e.g. in-process channels in tests. */
  NodeChannels(Function<URI, ManagedChannel> opener) {
    this.opener = opener;
    this.quickAck = null;
  }

  ManagedChannel get(URI address) {
    return channels.computeIfAbsent(address, opener);
  }

  private static ManagedChannel open(URI address, Optional<TlsMaterial> tls, QuickAckTcp quickAck) {
    ManagedChannelBuilder<?> builder;
    ChannelCredentials credentials = tls.map(NodeChannels::credentials)
        .orElseGet(InsecureChannelCredentials::create);
    if ("unix".equals(address.getScheme())) {
      // The server resets streams whose authority is a socket path.
      builder = Grpc.newChannelBuilder("unix://" + address.getPath(), InsecureChannelCredentials.create())
          .overrideAuthority("localhost");
    } else if (quickAck != null) {
      builder = NettyChannelBuilder.forAddress(address.getHost(), address.getPort(), credentials)
          .eventLoopGroup(quickAck.group()).channelFactory(quickAck::newChannel);
    } else {
      builder = Grpc.newChannelBuilderForAddress(address.getHost(), address.getPort(), credentials);
    }
    // No transparent retries: failover is ours (hedged reads) and must stay within the tick's deadline.
    return builder.maxInboundMessageSize(MAX_INBOUND_BYTES).disableRetry().build();
  }

  private static ChannelCredentials credentials(TlsMaterial tls) {
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    if (tls.hasCustomTrust()) {
      builder.trustManager(tls.trustManagers());
    }
    if (tls.hasKey()) {
      builder.keyManager(tls.keyManagers());
    }
    return builder.build();
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel channel : channels.values()) {
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    channels.clear();
    if (quickAck != null) {
      quickAck.close();
    }
  }
}
