package dev.crawl.frontier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/** A real Redis server (the binary embedded-redis ships) on 127.0.0.1, for one test class. */
public final class TestRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  public TestRedis() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
        .setting("appendonly no").build();
    server.start();
  }

  /** A frontier address on this server; each name is a crawl of its own. */
  public URI frontier(String name) {
    return URI.create("redis://127.0.0.1:" + port + "/" + name);
  }

  /** A client of this server, for a test to look at a frontier's keys or move its clock. */
  public RedisClient client() {
    return RedisClient.create("127.0.0.1", port);
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
