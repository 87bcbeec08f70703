package dev.crawl.fetch.transport.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Native epoll where its library loads (Linux), Java's NIO selector elsewhere. */
record IoChoice(String name, IoHandlerFactory factory, Class<? extends SocketChannel> channel) {

  static IoChoice best() {
    if (Epoll.isAvailable()) {
      return new IoChoice("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
    }
    return new IoChoice("NIO", NioIoHandler.newFactory(), NioSocketChannel.class);
  }

  /** Why epoll did not load, for --verbose; null when it did. */
  static Throwable whyNotEpoll() {
    return Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
  }

  /** One event loop per core: an exchange's work never waits for a thread, and never moves. */
  static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
