package dev.crawl.frontier;

import dev.crawl.core.Task;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * The crawl's FIFO of tasks, bounded in memory: past {@code inMemory} tasks, new ones go to a spill
 * file as one compact line each and come back in order, so a site with millions of pending links
 * costs disk, not heap. Not thread-safe; the frontier serialises access.
 */
final class SpillingQueue implements AutoCloseable {
  private final ArrayDeque<Task> memory = new ArrayDeque<>();
  private final int inMemory;
  private final Path spillFile;
  private BufferedWriter writer;
  private BufferedReader reader;
  private long spilled;
  private long readBack;

  SpillingQueue(int inMemory, Path spillFile) {
    this.inMemory = inMemory;
    this.spillFile = spillFile;
  }

  void add(Task t) {
    // once anything is on disk, newer tasks go there too, or they would jump the queue
    if (writer == null && memory.size() < inMemory) {
      memory.add(t);
      return;
    }
    try {
      if (writer == null) {
        Files.createDirectories(spillFile.getParent());
        writer = Files.newBufferedWriter(spillFile, StandardCharsets.UTF_8);
      }
      writer.write(t.id() + "\t" + t.queuedNanos() + "\t" + t.depth() + "\t"
          + (t.referrer() == null ? "" : t.referrer()) + "\t" + t.url() + "\n");
      spilled++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill the crawl frontier to " + spillFile, e);
    }
  }

  Task poll() {
    if (memory.isEmpty() && readBack < spilled) {
      refill();
    }
    return memory.poll();
  }

  boolean isEmpty() {
    return memory.isEmpty() && readBack == spilled;
  }

  long spilledTotal() {
    return spilled;
  }

  private void refill() {
    try {
      writer.flush();
      if (reader == null) {
        reader = Files.newBufferedReader(spillFile, StandardCharsets.UTF_8);
      }
      for (String line; memory.size() < inMemory && readBack < spilled && (line = reader.readLine()) != null; ) {
        String[] f = line.split("\t", 5);
        URI referrer = f[3].isEmpty() ? null : URI.create(f[3]);
        memory.add(new Task(Long.parseLong(f[0]), URI.create(f[4]),
            referrer == null ? "listed" : "link from " + referrer, Long.parseLong(f[1]), Integer.parseInt(f[2]), referrer));
        readBack++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the crawl frontier back from " + spillFile, e);
    }
  }

  @Override
  public void close() {
    try {
      if (writer != null) {
        writer.close();
      }
      if (reader != null) {
        reader.close();
      }
      Files.deleteIfExists(spillFile);
    } catch (IOException ignored) {
      // a leftover spill file in the report directory harms nothing
    }
  }
}
