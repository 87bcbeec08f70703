package dev.crawl.crawl;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which discovered links a crawl follows: the start URLs' hosts (and {@code --domains}), under the
 * start paths with {@code --no-parent}, matching {@code --include} and not {@code --exclude}.
 */
public final class Scope {
  private final Set<String> hosts;
  private final List<String> startDirectories;
  private final boolean noParent;
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  public Scope(List<URI> starts, List<String> domains, boolean noParent, List<Pattern> include, List<Pattern> exclude) {
    this.hosts =
        java.util.stream.Stream.concat(starts.stream().map(u -> u.getHost()), domains.stream())
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.startDirectories = starts.stream().map(Scope::directoryOf).toList();
    this.noParent = noParent;
    this.include = List.copyOf(include);
    this.exclude = List.copyOf(exclude);
  }

  /** Why the URL is out of scope, or null if the crawl may follow it. */
  public String reject(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (hosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h) && !h.contains(":"))) {
      return "other host";
    }
    String path = url.getRawPath() == null ? "/" : url.getRawPath();
    if (noParent && startDirectories.stream().noneMatch(path::startsWith)) {
      return "above the start path";
    }
    String text = url.toString();
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(text).find())) {
      return "not included";
    }
    if (exclude.stream().anyMatch(p -> p.matcher(text).find())) {
      return "excluded";
    }
    return null;
  }

  private static String directoryOf(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return path.substring(0, path.lastIndexOf('/') + 1);
  }
}
