package dev.crawl.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The directory a command writes into, created up front so that a bad {@code -o} is one clear line. */
final class OutputDirectory {
  private OutputDirectory() {}

  /** Creates {@code dir} and its parents, or ends the command with status 2 saying why not. */
  static Path create(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      String why = switch (e) {
        case AccessDeniedException denied -> "permission denied";
        case FileAlreadyExistsException file -> "a file is in the way: " + file.getFile();
        case FileSystemException fs when fs.getReason() != null -> fs.getReason();
        case NoSuchFileException missing -> "the place it would go does not take directories";
        default -> e.getMessage();
      };
      throw new ExitException(ExitException.USAGE,
          "cannot create the output directory " + dir + " (" + why + "); give another with -o", e);
    }
  }
}
