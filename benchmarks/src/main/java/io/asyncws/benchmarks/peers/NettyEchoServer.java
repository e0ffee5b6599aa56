package io.asyncws.benchmarks.peers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The Netty 4.2 peer: {@link WebSocketServerProtocolHandler} on any path, fragments aggregated
 * up to 1 MiB, text and binary messages echoed. Written the way Netty's own examples write it:
 * writes during a read burst, one flush when the burst ends. NIO transport, like ours; default
 * thread counts.
 *
 * <pre>java -cp benchmarks.jar io.asyncws.benchmarks.peers.NettyEchoServer --port P</pre>
 */
public final class NettyEchoServer {
  /** The upgrade request's head; WebSocket upgrades carry no body. */
  private static final int HTTP_AGGREGATE_MAX = 8192;

  private NettyEchoServer() {}

  /** Serves until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = PeerPort.parse(args, "NettyEchoServer");
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  boss.shutdownGracefully();
                  workers.shutdownGracefully();
                },
                "netty-echo-shutdown"));
    WebSocketServerProtocolConfig protocol =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/")
            .checkStartsWith(true)
            .maxFramePayloadLength(PeerLimits.MAX_MESSAGE)
            .build();
    Channel server =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(HTTP_AGGREGATE_MAX))
                        .addLast(new WebSocketServerProtocolHandler(protocol))
                        .addLast(new WebSocketFrameAggregator(PeerLimits.MAX_MESSAGE))
                        .addLast(new Echo());
                  }
                })
            .bind(port)
            .sync()
            .channel();
    System.out.println("netty echo server listening on ws://127.0.0.1:" + port + "/");
    System.out.flush();
    server.closeFuture().sync();
  }

  /** Sends each whole text or binary message back; the protocol handler answers Pings. */
  private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {
    Echo() {
      super(false); // the frame is passed on to write(), which releases it
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
        ctx.write(frame);
      } else {
        frame.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
