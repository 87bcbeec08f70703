package dev.crawl.demo;

import dev.crawl.fetch.body.Crc;
import dev.crawl.input.UrlParser;
import dev.crawl.report.ContentDigest;
import dev.crawl.store.PathMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The embedded server's files: deterministic bodies (so any download can be verified), a mix of
 * text that compresses and binary that does not, in one of two size profiles.
 */
public final class SiteContent {
  /** How big the files are. */
  public enum Sizes {
    /** 1 KiB to 1 MiB, mostly small: a latency-bound job. */
    SMALL,
    /**
     * Sizes as real sites serve them: 80 % of 8–32 KiB (pages, scripts, icons), 18 % of
     * 100–500 KiB (images), 2 % of 2–5 MiB (archives, video); 1,000 files come to about 140 MiB.
     */
    REAL
  }

  private static final String[] WORDS = {
    "crawl", "fetch", "event", "loop", "thread", "virtual", "process", "latency", "socket",
    "buffer", "future", "lane", "timeline", "report", "byte", "queue"
  };

  private final int files;
  private final Sizes sizes;

  public SiteContent(int files) {
    this(files, Sizes.SMALL);
  }

  public SiteContent(int files, Sizes sizes) {
    this.files = files;
    this.sizes = sizes;
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
    if (sizes == Sizes.SMALL) {
      return i % 50 == 49 ? 1 << 20 : 1024 << (i % 7);
    }
    long h = mix(i);
    int bucket = (int) Math.floorMod(h, 100);
    long spread = Math.floorMod(h >>> 8, 1 << 20); // 0..1 MiB, independent of the bucket
    if (bucket < 80) {
      return (8 << 10) + (int) (spread * (24 << 10) >> 20);
    }
    if (bucket < 98) {
      return (100 << 10) + (int) (spread * (400 << 10) >> 20);
    }
    return (2 << 20) + (int) (spread * (3L << 20) >> 20);
  }

  /** A fixed pseudo-random number per file (SplitMix64's finaliser). */
  static long mix(long i) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
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
    return delay + Math.floorMod(mix(i), jitter + 1);
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

  /** Writes every file under {@code dir} at its URL path, for another server (nginx) to serve. */
  public void export(java.nio.file.Path dir) throws java.io.IOException {
    for (int i = 0; i < files; i++) {
      java.nio.file.Path file = dir.resolve(path(i).substring(1));
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, body(i));
    }
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
