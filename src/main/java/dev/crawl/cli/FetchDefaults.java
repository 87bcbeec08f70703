package dev.crawl.cli;

import dev.crawl.fetch.FetchSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The download options' defaults, taken from {@link FetchSettings#DEFAULTS} and written as a user
 * would type them, so that {@code --help} shows and picocli applies the values the code runs with.
 */
final class FetchDefaults implements IDefaultValueProvider {
  private static final FetchSettings D = FetchSettings.DEFAULTS;
  private static final Map<String, String> BY_OPTION = Map.ofEntries(
      Map.entry("--connect-timeout", time(D.connectTimeout())),
      Map.entry("--response-timeout", time(D.responseTimeout())),
      Map.entry("--idle-timeout", time(D.idleTimeout())),
      Map.entry("--min-rate", size(D.minRate())),
      Map.entry("--max-time", time(D.totalTimeout())),
      Map.entry("--retries", String.valueOf(D.retries())),
      Map.entry("--timeout-retries", String.valueOf(D.timeoutRetries())),
      Map.entry("--retry-delay", time(D.retryDelay())),
      Map.entry("--max-retry-wait", time(D.maxRetryWait())),
      Map.entry("--max-redirects", String.valueOf(D.maxRedirects())),
      Map.entry("--max-size", size(D.maxBytes())),
      Map.entry("--max-decoded", size(D.maxDecoded())),
      Map.entry("--rate", BigDecimal.valueOf(D.rate()).stripTrailingZeros().toPlainString()),
      Map.entry("--user-agent", D.userAgent()),
      Map.entry("--transport", D.transport().id()));

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg instanceof OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
  }

  static String time(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  static String size(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "G";
    }
    if (bytes != 0 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "M";
    }
    return bytes != 0 && bytes % 1024 == 0 ? bytes / 1024 + "k" : String.valueOf(bytes);
  }
}
