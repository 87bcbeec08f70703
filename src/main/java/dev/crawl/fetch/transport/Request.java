package dev.crawl.fetch.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One GET to send.
 *
 * @param headers name and value pairs in the order they go out
 * @param offerHttp2 offer HTTP/2 through ALPN (https only); the server picks
 * @param responseTimeout the longest wait from sending to the response's head
 */
public record Request(URI url, List<Header> headers, boolean offerHttp2, Duration responseTimeout) {

  public record Header(String name, String value) {}

  public Request {
    headers = List.copyOf(headers);
  }

  /** The first value of a header, by name in any case, or null. */
  public String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /** The headers by name, as the JDK client keeps a request's: sorted, names in any case. */
  public java.util.Map<String, List<String>> headerMap() {
    java.util.Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header h : headers) {
      map.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value());
    }
    return map;
  }

  public static Builder to(URI url) {
    return new Builder(url);
  }

  /** Headers added in order; {@link #set} replaces every earlier value of its name. */
  public static final class Builder {
    private final URI url;
    private final List<Header> headers = new ArrayList<>();
    private boolean offerHttp2;
    private Duration responseTimeout = Duration.ofSeconds(30);

    private Builder(URI url) {
      this.url = url;
    }

    public Builder header(String name, String value) {
      headers.add(new Header(name, value));
      return this;
    }

    public Builder set(String name, String value) {
      headers.removeIf(h -> h.name().equalsIgnoreCase(name));
      return header(name, value);
    }

    public Builder offerHttp2(boolean offer) {
      this.offerHttp2 = offer;
      return this;
    }

    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = timeout;
      return this;
    }

    public Request build() {
      return new Request(url, headers, offerHttp2, responseTimeout);
    }
  }
}
