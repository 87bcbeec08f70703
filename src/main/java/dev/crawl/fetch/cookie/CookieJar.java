package dev.crawl.fetch.cookie;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The run's cookies, kept by the rules of RFC 6265: a cookie goes back to the host that set it (or
 * to the domain it named, if the host is in that domain), to paths under its path, over https only
 * when it is secure, until it expires. The JDK's CookieManager follows the older RFC 2965 (a domain
 * cookie reaches one level of subdomains only), so this is our own.
 *
 * <p>It keeps at most {@value #PER_DOMAIN} cookies a domain and {@value #IN_ALL} in all, the oldest going first.
 * What changes the jar is also kept in order ({@link #since}), so that worker processes can pass
 * on what their servers set and hear what others' did. A cookie for a public suffix ({@code co.uk},
 * {@code github.io}: the public suffix list) is refused, as browsers and curl refuse it: one site
 * could otherwise set cookies every other site under the suffix receives; domains without a dot are
 * refused too.
 */
public final class CookieJar {
  /** More than a browser keeps for one domain (Chrome: 180); a bound on what a server can make us hold. */
  static final int PER_DOMAIN = 200;
  /** In all, as browsers bound it (Chrome: 3,300): every request looks through them. */
  static final int IN_ALL = 5000;
  private static final DateTimeFormatter[] DATES = {
    DateTimeFormatter.RFC_1123_DATE_TIME,
    DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
    DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss zzz", Locale.ROOT),
    DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ROOT),
  };

  /** Set-Cookie headers one response carried, with the URL that sent them. */
  public record Learned(String url, List<String> setCookie) {}

  /** One cookie; {@code expires} in epoch seconds, {@link Long#MAX_VALUE} for the session. */
  record Cookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
      boolean httpOnly, long expires) {
    String key() {
      return name + ";" + domain + ";" + path;
    }
  }

  private final Map<String, Cookie> cookies = new LinkedHashMap<>();
  private final List<Learned> learned = new ArrayList<>();
  private final LongSupplier nowSeconds;

  public CookieJar() {
    this(() -> Instant.now().getEpochSecond());
  }

  CookieJar(LongSupplier nowSeconds) {
    this.nowSeconds = nowSeconds;
  }

  /** Takes the Set-Cookie headers of a response from {@code url}. */
  public void store(URI url, List<String> setCookie) {
    if (setCookie.isEmpty()) {
      return;
    }
    synchronized (this) {
      boolean changed = false;
      for (String header : setCookie) {
        Cookie c = parse(url, header);
        if (c != null) {
          changed |= put(c);
        }
      }
      // only what changed a cookie's value or existence: a server that sets the same session cookie
      // on every response would otherwise grow this by one entry per URL (a later expiry is not
      // passed on: other processes' copies keep the earlier one)
      if (changed) {
        learned.add(new Learned(url.toString(), List.copyOf(setCookie)));
      }
    }
  }

  /** The Set-Cookie headers that changed the jar, from the {@code from}-th on. */
  public synchronized List<Learned> since(int from) {
    return from >= learned.size() ? List.of() : List.copyOf(learned.subList(from, learned.size()));
  }

  public synchronized int learnedCount() {
    return learned.size();
  }

  /** Keeps a cookie, replacing the one of the same name, domain and path; true if a value or a cookie came or went. */
  private boolean put(Cookie c) {
    Cookie before = cookies.remove(c.key());
    if (c.expires() <= nowSeconds.getAsLong()) {
      return before != null; // an expiry in the past deletes it
    }
    List<String> sameDomain = cookies.values().stream().filter(o -> o.domain().equals(c.domain())).map(Cookie::key).toList();
    if (sameDomain.size() >= PER_DOMAIN) {
      cookies.remove(sameDomain.get(0)); // the oldest
    } else if (cookies.size() >= IN_ALL) {
      cookies.remove(cookies.keySet().iterator().next());
    }
    cookies.put(c.key(), c);
    return before == null || !before.value().equals(c.value()) || before.secure() != c.secure();
  }

  /** The Cookie header for a request to {@code url}, or null when no cookie goes there. */
  public synchronized String header(URI url) {
    if (cookies.isEmpty()) {
      return null;
    }
    String host = host(url);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    boolean secure = "https".equalsIgnoreCase(url.getScheme());
    long now = nowSeconds.getAsLong();
    List<Cookie> sent = new ArrayList<>();
    for (Cookie c : cookies.values()) {
      if (c.expires() > now && (!c.secure() || secure) && pathMatches(path, c.path())
          && (c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain()))) {
        sent.add(c);
      }
    }
    if (sent.isEmpty()) {
      return null;
    }
    // longer paths first, as RFC 6265 asks; the order of setting otherwise (the sort is stable)
    sent.sort(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed());
    StringBuilder b = new StringBuilder();
    for (Cookie c : sent) {
      b.append(b.isEmpty() ? "" : "; ").append(c.name()).append('=').append(c.value());
    }
    return b.toString();
  }

  /** One Set-Cookie header as RFC 6265 section 5.2 reads it; null when it is to be ignored. */
  Cookie parse(URI url, String header) {
    String[] parts = header.split(";");
    int eq = parts[0].indexOf('=');
    if (eq < 0) {
      return null;
    }
    String name = parts[0].substring(0, eq).strip();
    String value = parts[0].substring(eq + 1).strip();
    if (name.isEmpty()) {
      return null;
    }
    String host = host(url);
    String domain = null;
    String path = null;
    boolean secure = false;
    boolean httpOnly = false;
    Long maxAge = null;
    Long expires = null;
    for (int i = 1; i < parts.length; i++) {
      String attr = parts[i].strip();
      int e = attr.indexOf('=');
      String key = (e < 0 ? attr : attr.substring(0, e)).strip().toLowerCase(Locale.ROOT);
      String v = e < 0 ? "" : attr.substring(e + 1).strip();
      switch (key) {
        case "domain" -> domain = v.isEmpty() ? domain : (v.startsWith(".") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
        case "path" -> path = v.startsWith("/") ? v : null;
        case "secure" -> secure = true;
        case "httponly" -> httpOnly = true;
        case "max-age" -> maxAge = maxAge(v, maxAge);
        case "expires" -> expires = date(v, expires);
        default -> { /* SameSite, Priority, Partitioned…: about browsers, not downloads */ }
      }
    }
    boolean viaHttps = "https".equalsIgnoreCase(url.getScheme());
    if (secure && !viaHttps) {
      return null; // RFC 6265bis: only a secure origin may set a secure cookie
    }
    boolean hostOnly = domain == null;
    if (hostOnly) {
      domain = host;
    } else if (!domainMatches(host, domain) || (domain.indexOf('.') < 0 && !domain.equals(host))) {
      return null; // another site's domain, or a top-level one
    } else if (PublicSuffixes.is(domain)) {
      // RFC 6265 5.3 step 5: a suffix anyone can register under is no cookie domain, unless it is
      // the very host (a site at github.io itself), which then gets a host-only cookie
      if (!domain.equals(host)) {
        return null;
      }
      hostOnly = true;
    }
    long now = nowSeconds.getAsLong();
    long expiry = maxAge != null ? (maxAge <= 0 ? Long.MIN_VALUE : now + maxAge)
        : expires != null ? expires : Long.MAX_VALUE;
    return new Cookie(name, value, domain, hostOnly, path != null ? path : defaultPath(url), secure, httpOnly, expiry);
  }

  private static Long maxAge(String v, Long before) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return before;
    }
  }

  private static Long date(String v, Long before) {
    for (DateTimeFormatter f : DATES) {
      try {
        return ZonedDateTime.parse(v, f).toEpochSecond();
      } catch (DateTimeParseException next) {
        // the next form
      }
    }
    return before;
  }

  static String host(URI url) {
    String h = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** RFC 6265 5.1.3; an IP address matches itself only. */
  static boolean domainMatches(String host, String domain) {
    if (host.equals(domain)) {
      return true;
    }
    boolean ip = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    return !ip && host.endsWith("." + domain);
  }

  /** RFC 6265 5.1.4. */
  static boolean pathMatches(String requestPath, String cookiePath) {
    if (requestPath.equals(cookiePath)) {
      return true;
    }
    return requestPath.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }

  /** RFC 6265 5.1.4: the request path up to its last slash. */
  static String defaultPath(URI url) {
    String p = url.getRawPath();
    if (p == null || !p.startsWith("/") || p.lastIndexOf('/') == 0) {
      return "/";
    }
    return p.substring(0, p.lastIndexOf('/'));
  }

  /** Adds the cookies of a Netscape cookies.txt file (curl's, wget's, a browser extension's). */
  public synchronized void load(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
    long now = nowSeconds.getAsLong();
    int number = 0;
    for (String line : lines) {
      number++;
      boolean httpOnly = line.startsWith("#HttpOnly_");
      String text = httpOnly ? line.substring("#HttpOnly_".length()) : line;
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      String[] f = text.split("\t", -1);
      if (f.length < 7) {
        throw new IOException(file + ":" + number + ": not a cookies.txt line (7 fields separated by tabs)");
      }
      long expires;
      try {
        expires = Long.parseLong(f[4].strip());
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + number + ": the expiry '" + f[4] + "' is not a number of seconds");
      }
      String domain = f[0].strip().toLowerCase(Locale.ROOT);
      boolean subdomains = f[1].strip().equalsIgnoreCase("TRUE");
      Cookie c = new Cookie(f[5], f[6], domain.startsWith(".") ? domain.substring(1) : domain, !subdomains,
          f[2].isEmpty() ? "/" : f[2], f[3].strip().equalsIgnoreCase("TRUE"), httpOnly,
          expires == 0 ? Long.MAX_VALUE : expires);
      if (c.expires() > now) {
        put(c);
      }
    }
  }

  /** Writes the cookies that have not expired as a Netscape cookies.txt file, as curl writes it. */
  public synchronized void save(Path file) throws IOException {
    long now = nowSeconds.getAsLong();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# Netscape HTTP Cookie File\n# Written by crawl; the format curl, wget and browsers' exporters use.\n\n");
      for (Cookie c : cookies.values()) {
        if (c.expires() <= now) {
          continue;
        }
        String domain = (c.hostOnly() ? "" : ".") + c.domain();
        w.write(String.join("\t", (c.httpOnly() ? "#HttpOnly_" : "") + domain, c.hostOnly() ? "FALSE" : "TRUE",
            c.path(), c.secure() ? "TRUE" : "FALSE", c.expires() == Long.MAX_VALUE ? "0" : Long.toString(c.expires()),
            c.name(), c.value()));
        w.write('\n');
      }
    }
  }
}
