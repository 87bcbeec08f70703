package dev.crawl.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CDXJ index of one WARC file ({@code --warc-cdx}), as replay tools read it (pywb, warcio.js's
 * {@code cdx-index}): one line per response or revisit record, {@code SURT TIMESTAMP {json}}, sorted,
 * the JSON naming the URL, its type, status, payload digest, and where the record's gzip member
 * starts and how long it is. Held in memory while its file is written (a line per record), written
 * beside the file when it is closed or rolled over.
 */
final class CdxjIndex {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern WWW = Pattern.compile("^(https?://)www\\d*\\.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines = new ArrayList<>();

  /**
   * @param mime the response's Content-Type without parameters, {@code warc/revisit} for a revisit,
   *     or null when it had none
   * @param digest the payload's SHA-1 in base32, without its {@code sha1:} label
   */
  synchronized void add(URI url, Instant date, String mime, int status, String digest, long offset, long length,
      String filename) {
    // the field order pywb and warcio.js write; status, length and offset as text, as pywb has them
    ObjectNode json = JSON.createObjectNode().put("url", url.toString());
    if (mime != null) {
      json.put("mime", mime);
    }
    json.put("status", Integer.toString(status)).put("digest", digest).put("length", Long.toString(length))
        .put("offset", Long.toString(offset)).put("filename", filename);
    lines.add(surt(url.toString()) + " " + TIMESTAMP.format(date) + " " + json);
  }

  /** Writes the sorted index to {@code file} (byte order, as {@code LC_ALL=C sort} gives). */
  synchronized void write(Path file) throws IOException {
    String[] sorted = lines.toArray(String[]::new);
    Arrays.sort(sorted);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : sorted) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  /** Where the index of {@code warcFile} goes: beside it, {@code NAME.cdxj}. */
  static Path fileFor(String warcFile) {
    return Path.of(WarcFiles.base(warcFile) + ".cdxj");
  }

  /**
   * The SURT key as warcio.js writes it: {@code www}, {@code www2}… dropped, lower case, the host's
   * labels reversed and joined by commas, a port other than the scheme's, then {@code )}, the path
   * and the query's parameters sorted. {@code https://www.Example.org:8443/a?b=2&a=1} gives {@code
   * org,example:8443)/a?a=1&b=2}.
   */
  static String surt(String url) {
    if (!url.startsWith("http:") && !url.startsWith("https:")) {
      return url;
    }
    String lower = WWW.matcher(url).replaceFirst("$1").toLowerCase(Locale.ROOT);
    try {
      URI u = new URI(lower);
      if (u.getHost() == null) {
        return url;
      }
      List<String> labels = new ArrayList<>(Arrays.asList(u.getHost().split("\\.")));
      java.util.Collections.reverse(labels);
      StringBuilder key = new StringBuilder(String.join(",", labels));
      int port = u.getPort();
      boolean defaultPort = port == -1 || (u.getScheme().equals("http") && port == 80)
          || (u.getScheme().equals("https") && port == 443);
      if (!defaultPort) {
        key.append(':').append(port);
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      key.append(')').append(path);
      String query = u.getRawQuery();
      if (query != null && !query.isEmpty()) {
        String[] args = query.split("&", -1);
        Arrays.sort(args);
        key.append('?').append(String.join("&", args));
      }
      return key.toString();
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
