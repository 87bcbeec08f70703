package dev.crawl.fetch;

import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import dev.crawl.fetch.transport.jdk.JdkTransport;
import java.io.IOException;
import java.util.Locale;

/** The transports a run can download over ({@code --transport}). */
public enum TransportKind {
  /** The JDK's {@code HttpClient}: the reference. */
  JDK(JdkTransport::new, JdkTransport.DESCRIPTION);

  private interface Opener {
    Transport open(TransportSettings settings) throws IOException;
  }

  private final Opener opener;
  private final String description;

  TransportKind(Opener opener, String description) {
    this.opener = opener;
    this.description = description;
  }

  public Transport open(TransportSettings settings) throws IOException {
    return opener.open(settings);
  }

  /** What runs the exchanges, in words, for the report. */
  public String description() {
    return description;
  }

  /** As the command line spells it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
