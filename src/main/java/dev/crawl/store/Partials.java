package dev.crawl.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bodies cut downloads keep, for a later run to continue ({@code -C}): beside the final name
 * {@code NAME}, the bytes received as {@code .NAME.partial} and what is needed to ask for the rest
 * as {@code .NAME.partial.json}. A saved name never starts with a dot (the mapper sees to it), so
 * neither can be taken for a saved file, nor for a temporary file a killed run left.
 */
public final class Partials {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param url the URL the body is of; a partial found for another URL (a clash of names) is not used
   * @param etag the response's ETag, or null
   * @param lastModified the response's Last-Modified, or null
   * @param length the whole body's length as the response declared it, or -1
   */
  public record Meta(String url, String etag, String lastModified, long length) {
    /** The validator If-Range may carry: a strong ETag, else the date; null when there is neither. */
    public String ifRange() {
      if (etag != null && !etag.startsWith("W/")) {
        return etag;
      }
      return lastModified;
    }
  }

  /** A kept body: its file, how many bytes it holds, and how it was sent. */
  public record Partial(Path file, long bytes, Meta meta) {}

  private Partials() {}

  static Path dataFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".partial");
  }

  static Path metaFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".partial.json");
  }

  /** The body kept for {@code url} beside {@code target}, or null when there is none to continue. */
  public static Partial find(Path target, String url) {
    try {
      Path data = dataFor(target);
      Path meta = metaFor(target);
      if (!Files.isRegularFile(data) || !Files.isRegularFile(meta)) {
        return null;
      }
      Meta m = JSON.readValue(meta.toFile(), Meta.class);
      long bytes = Files.size(data);
      return url.equals(m.url()) && bytes > 0 ? new Partial(data, bytes, m) : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** Keeps {@code received} as the body of {@code target} to continue; replaces any kept before. */
  static void keep(Path received, Path target, Meta meta) throws IOException {
    Path data = dataFor(target);
    if (!received.equals(data)) {
      move(received, data);
    }
    Path metaTemp = Pending.tempBeside(target);
    JSON.writeValue(metaTemp.toFile(), meta);
    move(metaTemp, metaFor(target));
  }

  /** Removes what was kept for {@code target}: it was continued, replaced, or cannot be continued. */
  public static void remove(Path target) {
    try {
      Files.deleteIfExists(dataFor(target));
      Files.deleteIfExists(metaFor(target));
    } catch (IOException ignored) {
      // a partial left over is only disk space: a later -C checks it before using it
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
