package dev.crawl.input;

import java.io.IOException;
import java.io.InputStream;
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
  private InputStream stream;
  private ByteLines reader;
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
      ByteLines.Line line;
      try {
        line = reader.next();
      } catch (IOException e) {
        throw new InputException("cannot read " + currentSource.name() + ": " + e.getMessage(), e);
      }
      if (line != null) {
        return new InputLine(currentSource.name(), ++lineNumber, line.text(), line.problem());
      }
      closeCurrent();
    }
  }

  private void open() throws InputException {
    try {
      stream = currentSource.open(stdin);
      reader = new ByteLines(stream);
      lineNumber = 0;
    } catch (IOException e) {
      throw new InputException("cannot read URL list '" + currentSource.name() + "': " + e.getMessage(), e);
    }
    if (reader.looksBinary()) {
      throw InputSource.notAList(currentSource.name());
    }
  }

  private void closeCurrent() {
    try {
      if (currentSource.kind() == InputSource.Kind.FILE) {
        stream.close();
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
