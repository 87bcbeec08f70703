package dev.crawl.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the lines of every input in order, never holding a whole list in memory. Not thread-safe;
 * the frontier serialises access.
 */
public final class LineReader implements AutoCloseable {
  private final Iterator<InputSource> sources;
  private final InputStream stdin;
  private InputSource currentSource;
  private BufferedReader reader;
  private long lineNumber;
  private long argNumber;

  public LineReader(List<InputSource> sources, InputStream stdin) {
    this.sources = sources.iterator();
    this.stdin = stdin;
  }

  /** The next line, or null at the end of the last input. */
  public InputLine next() throws InputException {
    while (true) {
      if (reader == null) {
        if (!sources.hasNext()) {
          return null;
        }
        currentSource = sources.next();
        if (currentSource.kind() == InputSource.Kind.URL) {
          return new InputLine("args", ++argNumber, currentSource.value());
        }
        open();
      }
      String text;
      try {
        text = reader.readLine();
      } catch (CharacterCodingException e) {
        throw new InputException(
            currentSource.name() + ":" + (lineNumber + 1) + ": not valid UTF-8; convert the list to UTF-8");
      } catch (IOException e) {
        throw new InputException("cannot read " + currentSource.name() + ": " + e.getMessage(), e);
      }
      if (text != null) {
        return new InputLine(currentSource.name(), ++lineNumber, text);
      }
      closeCurrent();
    }
  }

  private void open() throws InputException {
    try {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      reader = new BufferedReader(new InputStreamReader(currentSource.open(stdin), decoder));
      lineNumber = 0;
    } catch (IOException e) {
      throw new InputException("cannot read URL list '" + currentSource.name() + "': " + e.getMessage(), e);
    }
  }

  private void closeCurrent() {
    try {
      if (currentSource.kind() == InputSource.Kind.FILE) {
        reader.close();
      }
    } catch (IOException ignored) {
      // reading is finished; nothing to lose
    }
    reader = null;
  }

  @Override
  public void close() {
    if (reader != null) {
      closeCurrent();
    }
  }
}
