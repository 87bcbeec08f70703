package dev.crawl.fetch.body;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.github.luben.zstd.util.Native;

/**
 * Which content codings this process can decode, and so may ask for. gzip and deflate are the
 * JDK's own; brotli and zstd need their native libraries, which exist for the common platforms but
 * not all: where one does not load, its coding is simply not offered.
 */
public final class ContentCodings {
  private ContentCodings() {}

  private static final class Loaded {
    static final boolean BROTLI = load(Loaded::brotli);
    static final boolean ZSTD = load(Loaded::zstd);
    static final String ACCEPT = "gzip, deflate" + (BROTLI ? ", br" : "") + (ZSTD ? ", zstd" : "");

    private static void brotli() {
      Brotli4jLoader.ensureAvailability();
    }

    private static void zstd() {
      Native.load();
    }

    private static boolean load(Runnable loader) {
      try {
        loader.run();
        return true;
      } catch (LinkageError | RuntimeException unavailable) {
        return false;
      }
    }
  }

  /** The Accept-Encoding header: what this process can decode. */
  public static String accepted() {
    return Loaded.ACCEPT;
  }

  static boolean brotli() {
    return Loaded.BROTLI;
  }

  static boolean zstd() {
    return Loaded.ZSTD;
  }
}
