package dev.crawl.cli;

import dev.crawl.fetch.FetchSettings;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "crawl " + FetchSettings.VERSION, "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
