package dev.crawl.fetch.transport.netty;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Netty's headers in the JDK's form, which the download reads whatever the transport. */
final class Headers {
  private Headers() {}

  /** The extension headers Netty adds to an HTTP/2 response it hands on as HTTP objects. */
  private static final String NETTY_H2 = "x-http2-";

  static HttpHeaders of(io.netty.handler.codec.http.HttpHeaders netty) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> e : netty) {
      if (e.getKey().regionMatches(true, 0, NETTY_H2, 0, NETTY_H2.length())) {
        continue;
      }
      map.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue());
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  /** The header lines as received: names in their own case, in order. */
  static List<String> lines(io.netty.handler.codec.http.HttpHeaders netty) {
    List<String> lines = new ArrayList<>(netty.size());
    for (Map.Entry<String, String> e : netty) {
      if (e.getKey().regionMatches(true, 0, NETTY_H2, 0, NETTY_H2.length())) {
        continue;
      }
      lines.add(e.getKey() + ": " + e.getValue());
    }
    return lines;
  }
}
