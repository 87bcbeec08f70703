package dev.crawl.demo;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The other floor for the benchmarks: Netty alone. N keep-alive connections (plain http, one
 * origin), each taking the next URL when its last response ended and writing the body to a file as
 * it arrives. No temporary file, no decoding, no report, no retry.
 */
public final class BareNettyLoop {
  private BareNettyLoop() {}

  public static void run(List<URI> urls, int concurrency, Path out, int passes, PrintStream report)
      throws IOException, InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    try {
      for (int pass = 1; pass <= passes; pass++) {
        Path dir = Files.createDirectories(out.resolve(String.valueOf(pass)));
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(urls.size());
        long start = System.nanoTime();
        URI first = urls.get(0);
        int port = first.getPort() > 0 ? first.getPort() : 80;
        for (int c = 0; c < Math.min(concurrency, urls.size()); c++) {
          Channel ch = new Bootstrap().group(group).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  ch.pipeline().addLast(new HttpClientCodec(4096, 8192, 65536), new Lane(urls, next, dir, done));
                }
              })
              .connect(first.getHost(), port).sync().channel();
          ch.pipeline().get(Lane.class).sendNext(ch);
        }
        done.await();
        report.printf(Locale.US, "bare-loop (netty): pass %d: %d files in %.3f s%n", pass, urls.size(),
            (System.nanoTime() - start) / 1e9);
      }
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }

  /** One connection: a request, its body into a file, then the next URL. */
  private static final class Lane extends SimpleChannelInboundHandler<HttpObject> {
    private final List<URI> urls;
    private final AtomicInteger next;
    private final Path dir;
    private final CountDownLatch done;
    private FileChannel file;

    Lane(List<URI> urls, AtomicInteger next, Path dir, CountDownLatch done) {
      this.urls = urls;
      this.next = next;
      this.dir = dir;
      this.done = done;
    }

    void sendNext(Channel ch) {
      int i = next.getAndIncrement();
      if (i >= urls.size()) {
        ch.close();
        return;
      }
      URI u = urls.get(i);
      try {
        file = FileChannel.open(dir.resolve(String.valueOf(i)), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
          u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
      req.headers().set(HttpHeaderNames.HOST, u.getRawAuthority());
      ch.writeAndFlush(req);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws IOException {
      if (msg instanceof HttpContent c) {
        ByteBuf b = c.content();
        b.readBytes(file, b.readableBytes());
        if (msg instanceof LastHttpContent) {
          file.close();
          done.countDown();
          sendNext(ctx.channel());
        }
      }
    }
  }
}
