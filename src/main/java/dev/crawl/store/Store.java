package dev.crawl.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owns the output directory: where each URL is saved, and that a final name only ever holds a
 * complete body. Never talks HTTP.
 */
public final class Store {
  private final Path root;
  private final Set<Pending> open = ConcurrentHashMap.newKeySet();
  // createDirectories costs a failing mkdir and an exception per call when the directory exists
  private final Set<Path> madeDirectories = ConcurrentHashMap.newKeySet();

  public Store(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Starts saving a URL: creates its directory and a temporary file beside the final name. */
  public Pending begin(URI url) throws IOException {
    String relative = PathMapper.relativePath(url);
    Path target = resolveInside(relative);
    if (!madeDirectories.contains(target.getParent())) {
      Files.createDirectories(target.getParent());
      madeDirectories.add(target.getParent());
    }
    Pending pending = new Pending(this, relative, target);
    open.add(pending);
    return pending;
  }

  /** Removes every temporary file still open, for an interrupted run. */
  public void abortAll() {
    List.copyOf(open).forEach(Pending::abort);
  }

  void closed(Pending pending) {
    open.remove(pending);
  }

  /** Defence in depth: the mapper already neutralises hostile names, this refuses what slips by. */
  Path resolveInside(String relative) {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new UncheckedIOException(
          new IOException("refusing to write outside the output directory: " + relative));
    }
    return target;
  }
}
