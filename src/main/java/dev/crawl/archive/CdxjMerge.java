package dev.crawl.archive;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One CDXJ index from many ({@code crawl merge --cdx}): the shards' and the workers' indexes, each
 * sorted, merged line by line into one sorted index, in the memory of one line per input.
 */
public final class CdxjMerge {
  private CdxjMerge() {}

  private record Head(String line, BufferedReader from) {}

  /** Merges the sorted {@code inputs} into {@code out}; returns how many lines it wrote. */
  public static long merge(List<Path> inputs, Path out) throws IOException {
    List<BufferedReader> readers = new ArrayList<>();
    long written = 0;
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.line().compareTo(b.line()));
      for (Path input : inputs) {
        BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        readers.add(r);
        next(r, heads);
      }
      for (Head h; (h = heads.poll()) != null; ) {
        writer.write(h.line());
        writer.write('\n');
        written++;
        next(h.from(), heads);
      }
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
    return written;
  }

  private static void next(BufferedReader r, PriorityQueue<Head> heads) throws IOException {
    for (String line; (line = r.readLine()) != null; ) {
      if (!line.isBlank()) {
        heads.add(new Head(line, r));
        return;
      }
    }
  }
}
