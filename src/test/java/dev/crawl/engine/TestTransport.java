package dev.crawl.engine;

import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.TransportKind;
import java.util.Locale;

/**
 * The transport the behavioural suites run on: the default, or the one {@code crawl.test.transport}
 * names. The build runs the suites that touch the wire a second time on the JDK client, the
 * reference every behaviour is checked against (the pom's {@code jdk-reference} execution).
 */
final class TestTransport {
  private TestTransport() {}

  static FetchSettings chosen(FetchSettings settings) {
    String name = System.getProperty("crawl.test.transport", "");
    return name.isBlank() ? settings : settings.withTransport(TransportKind.valueOf(name.toUpperCase(Locale.ROOT)));
  }
}
