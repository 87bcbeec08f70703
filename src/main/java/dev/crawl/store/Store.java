package dev.crawl.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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

  /** Where a URL's file goes, relative to the root, before any alias a clash of names would add. */
  public String pathFor(URI url) {
    return PathMapper.relativePath(url);
  }

  /** A saved file, for reading it back; never outside the root. */
  public Path file(String relative) {
    return resolveInside(relative);
  }

  /** The size of the regular file at a relative path, or -1 if there is none. */
  public long sizeOf(String relative) {
    try {
      Path file = resolveInside(relative);
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /**
   * Starts saving a URL: creates its directory and a temporary file beside the final name. A URL
   * path can need a name as a file ({@code /a}) and as a directory ({@code /a/b}); whichever comes
   * second gets an alias, {@code a@dir/} or {@code a@file}, and the report records the real path.
   */
  public Pending begin(URI url) throws IOException {
    try {
      return place(url);
    } catch (FileAlreadyExistsException raced) {
      // a file took a directory's name between our check and mkdir (/a saved during /a/b): again,
      // and this time the check sees the file and picks the alias
      return place(url);
    }
  }

  private Pending place(URI url) throws IOException {
    List<String> segments = PathMapper.segments(url);
    List<String> dirs = segments.subList(0, segments.size() - 1);
    Path dir = root;
    for (String segment : dirs) {
      dir = dir.resolve(segment);
    }
    List<String> actual = new ArrayList<>(dirs);
    // a directory we made (or checked) before needs no look at the disk: no stat per download
    if (!madeDirectories.contains(dir)) {
      dir = root;
      actual.clear();
      for (String segment : dirs) {
        String name = Files.isRegularFile(dir.resolve(segment)) ? segment + DIR_ALIAS : segment;
        dir = dir.resolve(name);
        actual.add(name);
      }
      makeDirectories(dir);
    }
    // a name already taken by a directory gets its alias when the file is committed (Pending)
    actual.add(segments.get(segments.size() - 1));
    String relative = String.join("/", actual);
    Pending pending = new Pending(this, relative, resolveInside(relative));
    open.add(pending);
    return pending;
  }

  static final String DIR_ALIAS = "@dir";
  static final String FILE_ALIAS = "@file";

  private void makeDirectories(Path dir) throws IOException {
    if (madeDirectories.contains(dir)) {
      return;
    }
    Files.createDirectories(dir);
    madeDirectories.add(dir);
  }

  /**
   * Removes the temporary files a run that was killed outright (SIGKILL, an OOM kill, a power cut)
   * left behind; only files named as {@link Pending} names them, and never under a dot directory
   * (the reports). Returns how many it removed.
   */
  public int removeLeftoverTemps() throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int[] removed = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
            ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile() && Pending.isTempName(file.getFileName().toString()) && Files.deleteIfExists(file)) {
          removed[0]++;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return removed[0];
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
