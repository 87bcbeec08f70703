package dev.crawl.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A file being written: temporary files live in the target's own directory, so the final rename
 * is atomic and a reader never sees a partial body under the final name.
 */
public final class Pending {
  private final Store store;
  private String relative;
  private Path target;
  private final List<Path> temps = new ArrayList<>();
  private boolean closed;
  // the temporary file kept as a partial body if the download is cut, and how to continue it
  private Path keepable;
  private Partials.Meta keepMeta;
  // a body an earlier download kept for this target, removed once the target holds a complete one
  private boolean dropPartial;
  private long kept = -1;
  // a cut body that could have been continued but was not kept: over the run's limit, or not wanted
  private long dropped = -1;

  Pending(Store store, String relative, Path target) {
    this.store = store;
    this.relative = relative;
    this.target = target;
  }

  /** The path reports show, relative to the output directory. */
  public synchronized String relativePath() {
    return relative;
  }

  /** A temporary file open for writing. */
  public record Temp(Path path, FileChannel channel) {}

  /**
   * A new, empty temporary file beside the target, already open, removed again unless committed.
   * One open call: createTempFile and a second open would cost an extra metadata round trip.
   */
  public synchronized Temp newTemp() throws IOException {
    if (closed) {
      throw new IOException("download already finished");
    }
    while (true) {
      Path temp = tempBeside(target);
      try {
        FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        temps.add(temp);
        return new Temp(temp, channel);
      } catch (FileAlreadyExistsException taken) {
        // another download drew the same name; draw again
      }
    }
  }

  /**
   * Marks {@code temp} as a body worth continuing: if the download is cut, {@link #abort} keeps it
   * (see {@link Partials}) instead of deleting it.
   */
  public synchronized void keepIfCut(Path temp, Partials.Meta meta) {
    keepable = temp;
    keepMeta = meta;
  }

  /**
   * Opens a kept partial body to append the rest to ({@code -C}); it stays kept if this download is
   * cut too, and becomes the final file on {@link #commit}.
   */
  public synchronized Temp continuing(Partials.Partial partial) throws IOException {
    if (closed) {
      throw new IOException("download already finished");
    }
    FileChannel channel = FileChannel.open(partial.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    temps.add(partial.file());
    keepIfCut(partial.file(), partial.meta());
    dropPartial = true;
    return new Temp(partial.file(), channel);
  }

  /** A body an earlier download kept for this target goes once this download commits. */
  public synchronized void replacesPartial() {
    dropPartial = true;
  }

  /** What was received is not worth continuing after all (a continued body of the wrong length). */
  public synchronized void discardPartial() {
    keepable = null;
    dropPartial = true;
  }

  /** Bytes kept to continue when the download was cut, or -1 when nothing was kept. */
  public synchronized long keptBytes() {
    return kept;
  }

  /** Where the kept bytes are, relative to the output directory, as reports show it. */
  public synchronized String keptPath() {
    int slash = relative.lastIndexOf('/');
    return relative.substring(0, slash + 1) + Partials.dataFor(target).getFileName();
  }

  /** Bytes of a cut body that -C could have continued but the store did not keep, or -1. */
  public synchronized long droppedBytes() {
    return dropped;
  }

  /**
   * A fresh temporary name beside {@code target}, for a file rewritten in place (-k): a name no
   * saved file can have, and one {@code --resume} clears away if a run dies before the rename.
   */
  public static Path tempBeside(Path target) {
    String name = target.getFileName().toString();
    String stem = name.length() > 40 ? name.substring(0, 40) : name;
    return target.resolveSibling(tempName(stem, ThreadLocalRandom.current().nextLong()));
  }

  // the mapper turns a leading dot into '_', so no saved file can ever look like one of these
  private static final Pattern TEMP_NAME = Pattern.compile("\\..{1,40}\\.[0-9a-f]{1,16}\\.part");

  private static String tempName(String stem, long random) {
    return "." + stem + "." + Long.toHexString(random) + ".part";
  }

  /** True for the name of a temporary file this class makes, e.g. one a killed run left behind. */
  static boolean isTempName(String fileName) {
    return TEMP_NAME.matcher(fileName).matches();
  }

  /** Moves the finished temporary file to the final name and removes the others. */
  public synchronized void commit(Path temp) throws IOException {
    if (closed) {
      throw new IOException("download already finished");
    }
    Path written = target;
    if (store.options().layout().kind() == Layout.Kind.HASH) {
      nameByContent(temp);
    }
    try {
      if (!written.equals(target) && Files.exists(target)) {
        // an equal body is saved already: stored once
        Files.delete(temp);
      } else {
        move(temp);
      }
    } catch (FileSystemException e) {
      if (!Files.isDirectory(target)) {
        throw e;
      }
      // the name is a directory (/a/b saved before or during /a): renaming a file onto it fails,
      // so the rare case is found here, not by a look at the disk for every download
      useFileAlias();
      move(temp);
    }
    temps.remove(temp);
    // nothing of a URL stays beside its saved file: not what this run kept on an earlier attempt,
    // not what an earlier run kept (two failed lookups per saved file)
    Partials.remove(written);
    dropPartial = false;
    keepable = null;
    abort();
  }

  private void nameByContent(Path temp) throws IOException {
    relative = ContentNames.of(temp, target.getFileName().toString());
    target = store.resolveInside(relative);
  }

  private void useFileAlias() {
    relative = relative + Store.FILE_ALIAS;
    target = target.resolveSibling(target.getFileName() + Store.FILE_ALIAS);
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes every temporary file, but keeps a cut body worth continuing; safe to call more than once
   * and from any thread.
   */
  public synchronized void abort() {
    for (Path t : temps) {
      try {
        long size = t.equals(keepable) ? Files.size(t) : 0;
        if (size > 0 && store.mayKeep(size)) {
          Partials.keep(t, target, keepMeta);
          kept = Files.size(Partials.dataFor(target));
        } else {
          dropped = size > 0 ? size : dropped;
          Files.deleteIfExists(t);
        }
      } catch (IOException ignored) {
        // best effort: the run's final check reports leftovers
      }
    }
    if (dropPartial && kept < 0) {
      // nothing of this download was kept: what an earlier one kept is stale now
      Partials.remove(target);
    }
    temps.clear();
    closed = true;
    store.closed(this);
  }
}
