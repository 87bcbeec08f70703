package dev.crawl.fetch;

import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import dev.crawl.fetch.transport.jdk.JdkTransport;
import dev.crawl.fetch.transport.netty.NettyTransport;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/** The transports a run can download over ({@code --transport}). */
public enum TransportKind {
  /** Netty's event loop: the default. */
  NETTY(NettyTransport::new, NettyTransport::description),
  /** The JDK's {@code HttpClient}: the reference. */
  JDK(JdkTransport::new, () -> JdkTransport.DESCRIPTION);

  private interface Opener {
    Transport open(TransportSettings settings) throws IOException;
  }

  private final Opener opener;
  private final Supplier<String> description;

  TransportKind(Opener opener, Supplier<String> description) {
    this.opener = opener;
    this.description = description;
  }

  public Transport open(TransportSettings settings) throws IOException {
    return opener.open(settings);
  }

  /** What runs the exchanges, in words, for the report. */
  public String description() {
    return description.get();
  }

  /** As the command line spells it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
