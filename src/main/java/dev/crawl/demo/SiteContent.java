package dev.crawl.demo;

import dev.crawl.fetch.Crc;
import dev.crawl.input.UrlParser;
import dev.crawl.report.ContentDigest;
import dev.crawl.store.PathMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The embedded server's files: deterministic bodies (so any download can be verified), a mix of
 * text that compresses and binary that does not, sizes from 1 KiB to 1 MiB.
 */
public final class SiteContent {
  private static final String[] WORDS = {
    "crawl", "fetch", "event", "loop", "thread", "virtual", "process", "latency", "socket",
    "buffer", "future", "lane", "timeline", "report", "byte", "queue"
  };

  private final int files;

  public SiteContent(int files) {
    this.files = files;
  }

  public int files() {
    return files;
  }

  /** The URL path of file {@code i}: {@code /files/0007.txt}. */
  public String path(int i) {
    return "/files/" + String.format("%04d", i) + extension(i);
  }

  static String extension(int i) {
    return switch (i % 4) {
      case 0 -> ".html";
      case 1 -> ".txt";
      default -> ".bin";
    };
  }

  public boolean isText(int i) {
    return i % 4 < 2;
  }

  public int size(int i) {
    return i % 50 == 49 ? 1 << 20 : 1024 << (i % 7);
  }

  /** The file index for a URL path, or -1 if the path names no file. */
  public int indexOf(String path) {
    if (!path.startsWith("/files/") || path.length() < 11) {
      return -1;
    }
    try {
      int i = Integer.parseInt(path.substring(7, 11));
      return i < files && path.equals(path(i)) ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public byte[] body(int i) {
    SplittableRandom random = new SplittableRandom(0x5eed_0000L + i);
    byte[] out = new byte[size(i)];
    if (!isText(i)) {
      random.nextBytes(out);
      return out;
    }
    StringBuilder b = new StringBuilder(out.length + 16);
    while (b.length() < out.length) {
      b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? '\n' : ' ');
    }
    byte[] text = b.toString().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, out, 0, out.length);
    return out;
  }

  /** Server latency for file {@code i}: {@code delay} plus a fixed per-file share of {@code jitter}. */
  public static long delayMillis(int i, long delay, long jitter) {
    if (jitter <= 0) {
      return delay;
    }
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 31)) * 0xbf58476d1ce4e5b9L;
    return delay + Math.floorMod(z ^ (z >>> 29), jitter + 1);
  }

  /** The page number for a path of the generated site, or -1. */
  public int pageIndexOf(String path) {
    if (!path.startsWith("/site/") || !path.endsWith(".html")) {
      return -1;
    }
    try {
      int n = Integer.parseInt(path.substring(6, path.length() - 5));
      return n >= 0 && n < files ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Page {@code n} of a link graph for crawling: children 2n+1 and 2n+2 (depth 14 reaches 10,000
   * pages), a cross link, a link back (a cycle), one link spelled twice, and one off-host link.
   */
  public String page(int n) {
    StringBuilder b = new StringBuilder("<!doctype html><title>Page ").append(n).append("</title><ul>");
    for (long child : new long[] {2L * n + 1, 2L * n + 2, (7L * n + 3) % files, Math.max(0, n - 1)}) {
      if (child < files) {
        b.append("<li><a href=\"").append(child).append(".html\">page ").append(child).append("</a>");
      }
    }
    if (2L * n + 1 < files) {
      b.append("<li><a href=\"./").append(2L * n + 1).append(".html#again\">the same, spelled again</a>");
    }
    return b.append("<li><a href=\"http://elsewhere.invalid/\">away</a></ul>").toString();
  }

  /** The content digest a run that saved every file from {@code base} must report. */
  public String expectedDigest(URI base) {
    ContentDigest digest = new ContentDigest();
    for (int i = 0; i < files; i++) {
      URI url = UrlParser.normalise(base.resolve(path(i)));
      digest.add(PathMapper.relativePath(url), Crc.of(body(i)));
    }
    return digest.value();
  }
}
