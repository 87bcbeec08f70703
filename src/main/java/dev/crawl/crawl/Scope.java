package dev.crawl.crawl;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

  /** The scope as data, for worker processes, which keep redirects in scope too. */
  public record Rules(
      List<String> hosts, List<String> startDirectories, boolean noParent, List<String> include, List<String> exclude) {}

  public Scope(List<URI> starts, List<String> domains, boolean noParent, List<Pattern> include, List<Pattern> exclude) {
    this(
        new Rules(
            java.util.stream.Stream.concat(starts.stream().map(u -> u.getHost()), domains.stream())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .distinct()
                .toList(),
            starts.stream().map(Scope::directoryOf).distinct().toList(),
            noParent,
            include.stream().map(Pattern::pattern).toList(),
            exclude.stream().map(Pattern::pattern).toList()));
  }

  public Scope(Rules rules) {
    this.hosts = Set.copyOf(rules.hosts());
    this.startDirectories = List.copyOf(rules.startDirectories());
    this.noParent = rules.noParent();
    this.include = rules.include().stream().map(Pattern::compile).toList();
    this.exclude = rules.exclude().stream().map(Pattern::compile).toList();
  }

  public Rules rules() {
    return new Rules(List.copyOf(hosts), startDirectories, noParent,
        include.stream().map(Pattern::pattern).toList(), exclude.stream().map(Pattern::pattern).toList());
  }

  /**
   * Why a download may not follow a redirect to {@code target}, or null: links the crawl found
   * stay in scope wherever they redirect; listed URLs (depth 0) go where they are sent, as in wget.
   */
  public String refuseRedirect(int depth, URI target) {
    if (depth == 0) {
      return null;
    }
    String why = reject(target);
    return why == null ? null : "redirected out of scope (" + why + "): " + target;
  }

  /** Why the URL is out of scope, or null if the crawl may follow it. */
  public String reject(URI url) {
    if (!isOnHost(url)) {
      return "other host";
    }
    String path = url.getRawPath() == null ? "/" : url.getRawPath();
    if (noParent && startDirectories.stream().noneMatch(path::startsWith)) {
      return "above the start path";
    }
    return filtered(url);
  }

  /** Why a page requisite is out of scope, or null: requisites may sit above the start path. */
  public String rejectRequisite(URI url) {
    return isOnHost(url) ? filtered(url) : "other host";
  }

  /** Why --include or --exclude keeps the URL out, or null. */
  private String filtered(URI url) {
    String text = url.toString();
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(text).find())) {
      return "not included";
    }
    if (exclude.stream().anyMatch(p -> p.matcher(text).find())) {
      return "excluded";
    }
    return null;
  }

  private boolean isOnHost(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h) && !h.contains(":"));
  }

  private static String directoryOf(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return path.substring(0, path.lastIndexOf('/') + 1);
  }
}
