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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the output directory: where each URL is saved, and that a final name only ever holds a
 * complete body. Never talks HTTP.
 */
public final class Store {
  private final Path root;
  private final StoreOptions options;
  // bytes of cut bodies this process kept in the run, against options.keepLimit()
  private final AtomicLong keptBytes = new AtomicLong();
  private final Set<Pending> open = ConcurrentHashMap.newKeySet();
  // -nd: which URL holds each name in this run; grows with the files of a flat run, as wget's own
  private final Map<String, String> flatNames = new ConcurrentHashMap<>();
  // -nd: names a URL holds from elsewhere (its worker's parent, an earlier run), by URL
  private final Map<String, String> adopted = new ConcurrentHashMap<>();
  // createDirectories costs a failing mkdir and an exception per call when the directory exists
  private final Set<Path> madeDirectories = ConcurrentHashMap.newKeySet();

  public Store(Path root) {
    this(root, StoreOptions.DEFAULTS);
  }

  public Store(Path root, StoreOptions options) {
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
  }

  public StoreOptions options() {
    return options;
  }

  /**
   * Whether a cut body of {@code bytes} may be kept for {@code -C}: never with {@code
   * --no-keep-partial}, and only while the run's kept bodies stay within the limit.
   */
  boolean mayKeep(long bytes) {
    if (!options.keepPartial()) {
      return false;
    }
    long limit = options.keepLimit();
    if (limit == 0) {
      keptBytes.addAndGet(bytes);
      return true;
    }
    long now;
    do {
      now = keptBytes.get();
      if (now + bytes > limit) {
        return false;
      }
    } while (!keptBytes.compareAndSet(now, now + bytes));
    return true;
  }

  public Path root() {
    return root;
  }

  /**
   * Where a URL's file goes, relative to the root, before any alias a clash of a file and a
   * directory would add. With {@code --layout hash} the place a download is written and kept while
   * cut; the saved file takes its content's name.
   */
  public String pathFor(URI url) {
    return String.join("/", segments(url));
  }

  /**
   * Whether {@code path}, where an earlier run's report says it saved {@code url}, is where this
   * run would save it: a changed layout or an alias is fetched again.
   */
  public boolean savesAt(URI url, String path) {
    return switch (options.layout().kind()) {
      case HASH -> ContentNames.isContentName(path);
      case FLAT -> {
        // the name or the alias this URL had, whichever URL of the earlier run asks first
        String name = PathMapper.segments(url).getLast();
        boolean its = path.equals(name) || path.equals(flatAliasOf(url));
        if (its) {
          adopt(url, path);
        }
        yield its;
      }
      case TREE -> pathFor(url).equals(path);
    };
  }

  /**
   * A URL takes the name its file had before ({@code -nd}): in a worker, the name its parent gave;
   * resumed, the name the earlier run gave. No other URL takes it in this run.
   */
  public void adopt(URI url, String path) {
    if (path != null && options.layout().kind() == Layout.Kind.FLAT) {
      flatNames.put(path, url.toString());
      adopted.put(url.toString(), path);
    }
  }

  private List<String> segments(URI url) {
    List<String> all = PathMapper.segments(url);
    String file = all.get(all.size() - 1);
    Layout layout = options.layout();
    return switch (layout.kind()) {
      case FLAT -> List.of(flatName(url, file));
      case HASH -> List.of(ContentNames.provisional(url, file));
      case TREE -> {
        List<String> dirs = all.subList(layout.hostDirectories() ? 0 : 1, all.size() - 1);
        int host = layout.hostDirectories() ? 1 : 0;
        int cut = Math.min(layout.cutDirs(), dirs.size() - host);
        List<String> kept = new ArrayList<>(dirs.subList(0, host));
        kept.addAll(dirs.subList(host + cut, dirs.size()));
        kept.add(file);
        yield kept;
      }
    };
  }

  /** {@code -nd}: the name {@code url} gets when another URL holds its plain name. */
  String flatAliasOf(URI url) {
    return PathMapper.withQueryHash(PathMapper.segments(url).getLast(), url.toString());
  }

  /**
   * {@code -nd}: the file's own name for the first URL that asks for it, {@code NAME@HASH.EXT} for
   * any other; the hash is of the URL, so a URL's alias is the same in every run.
   */
  private String flatName(URI url, String name) {
    String u = url.toString();
    String given = adopted.get(u);
    if (given != null) {
      return given;
    }
    String owner = flatNames.putIfAbsent(name, u);
    if (owner == null || owner.equals(u)) {
      return name;
    }
    String alias = flatAliasOf(url);
    flatNames.putIfAbsent(alias, u);
    return alias;
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
    List<String> segments = segments(url);
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
