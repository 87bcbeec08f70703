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
    try {
      move(temp);
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
    abort();
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

  /** Deletes every temporary file; safe to call more than once and from any thread. */
  public synchronized void abort() {
    for (Path t : temps) {
      try {
        Files.deleteIfExists(t);
      } catch (IOException ignored) {
        // best effort: the run's final check reports leftovers
      }
    }
    temps.clear();
    closed = true;
    store.closed(this);
  }
}
