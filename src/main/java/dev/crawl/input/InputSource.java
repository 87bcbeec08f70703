package dev.crawl.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One command-line input: a list file, standard input ({@code -}), or a URL given directly.
 *
 * @param name how messages refer to it: the file name, {@code stdin}, or {@code args}
 */
public record InputSource(Kind kind, String name, String value) {
  public enum Kind {
    FILE,
    STDIN,
    URL
  }

  /** An argument with "://" is a URL (valid or not, the parser says); {@code -} is stdin. */
  public static InputSource of(String arg) {
    if (arg.equals("-")) {
      return new InputSource(Kind.STDIN, "stdin", "-");
    }
    if (arg.contains("://") || arg.regionMatches(true, 0, "javascript:", 0, 11)) {
      return new InputSource(Kind.URL, "args", arg);
    }
    return new InputSource(Kind.FILE, arg, arg);
  }

  /** Fails early, before any download starts, when a list file cannot be read. */
  public void check() throws InputException {
    if (kind != Kind.FILE) {
      return;
    }
    Path p = Path.of(value);
    if (!Files.exists(p)) {
      throw new InputException("cannot read URL list '" + value + "': no such file");
    }
    if (Files.isDirectory(p)) {
      throw new InputException(
          "cannot read URL list '" + value + "': it is a directory; give a file, '-' or URLs");
    }
    if (!Files.isReadable(p)) {
      throw new InputException("cannot read URL list '" + value + "': permission denied");
    }
    try (InputStream in = Files.newInputStream(p)) {
      if (new ByteLines(in).looksBinary()) {
        throw notAList(name);
      }
    } catch (IOException e) {
      throw new InputException("cannot read URL list '" + value + "': " + e.getMessage(), e);
    }
  }

  static InputException notAList(String name) {
    return new InputException(name + ": not a list of URLs (binary data, not text); give a text file with one URL per line");
  }

  /**
   * Lines that may name a URL (not blank, not '#'), for the progress line's total; -1 when a source
   * is standard input, which can be read only once.
   */
  public static long countUrlLines(java.util.List<InputSource> sources) {
    long n = 0;
    for (InputSource s : sources) {
      switch (s.kind()) {
        case STDIN -> {
          return -1;
        }
        case URL -> n++;
        case FILE -> {
          // ISO-8859-1 never fails to decode; only the line structure matters here
          try (var lines = Files.lines(Path.of(s.value()), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            n += lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
          } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
          }
        }
      }
    }
    return n;
  }

  InputStream open(InputStream stdin) throws IOException {
    return switch (kind) {
      case FILE -> Files.newInputStream(Path.of(value));
      case STDIN -> stdin;
      case URL -> throw new IllegalStateException("a URL argument is not a stream");
    };
  }
}
