package dev.lookout.source.restate;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * TCP connections that acknowledge what they read at once (Linux, epoll). Restate's servers
 * leave Nagle's algorithm on: each answer's body waits in the server's kernel until its headers
 * are acknowledged, and a client in delayed-ACK mode acknowledges them only after 40 ms, so every
 * call took 40 ms more than the server needed. Delayed-ACK mode is re-entered as requests are
 * sent, so quick-ACK is set again after every read; setting it sends the pending ACK now.
 */
final class QuickAckTcp implements AutoCloseable {
  private final EventLoopGroup group = new EpollEventLoopGroup(2);

  /** False off Linux, where channels keep the default transport. */
  static boolean available() {
    return Epoll.isAvailable();
  }

  EventLoopGroup group() {
    return group;
  }

  /** A new unconnected channel that sets quick-ACK after each batch of reads. */
  EpollSocketChannel newChannel() {
    EpollSocketChannel channel = new EpollSocketChannel();
    channel.pipeline().addFirst(new AckAfterRead());
    return channel;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static final class AckAfterRead extends ChannelInboundHandlerAdapter {
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ((EpollSocketChannel) ctx.channel()).config().setTcpQuickAck(true);
      ctx.fireChannelReadComplete();
    }
  }
}
