package dev.crawl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.Handoff;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code handoff.jsonl}: the links a sharded crawl found to other shards' servers, one JSON object a
 * line ({@code url}, {@code referrer}, {@code depth}, {@code shard}), for a next round to give each
 * shard its own: {@code jq -r 'select(.shard==2) | .url' out-*}{@code /.crawl/handoff.jsonl}.
 * Made only when there is a first link to hand off.
 */
public final class HandoffFile implements Consumer<Handoff>, AutoCloseable {
  public static final String NAME = "handoff.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private BufferedWriter out;

  /** Removes the file an earlier run into the same directory left. */
  public HandoffFile(Path reportDir) throws IOException {
    this.file = reportDir.resolve(NAME);
    Files.deleteIfExists(file);
  }

  @Override
  public synchronized void accept(Handoff h) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("url", h.url().toString());
    line.put("referrer", h.referrer() == null ? null : h.referrer().toString());
    line.put("depth", h.depth());
    line.put("shard", h.shard());
    try {
      if (out == null) {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      }
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
