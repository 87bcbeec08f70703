package dev.crawl.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.input.SeenSet;
import dev.crawl.input.UrlParser;
import dev.crawl.report.RunRecorder;
import dev.crawl.report.UrlRecord;
import dev.crawl.store.PathMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an earlier run saved completely, for {@code --resume}: URLs whose file is still there, at
 * the path the mapping gives, with the size the report recorded. Kept as 64-bit hashes, like the
 * dedupe set, so a million URLs cost a few megabytes.
 */
public final class ResumeIndex {
  private final SeenSet saved = new SeenSet();
  private long stale;

  private ResumeIndex() {}

  /** Reads the earlier report in {@code reportDir}, if any, before the new run overwrites it. */
  public static ResumeIndex load(Path reportDir, Path outputDir) throws IOException {
    ResumeIndex index = new ResumeIndex();
    Path results = reportDir.resolve(RunRecorder.JSONL);
    if (!Files.isRegularFile(results)) {
      return index;
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        UrlRecord r;
        try {
          r = json.readValue(line, UrlRecord.class);
        } catch (IOException torn) {
          continue; // the last line of an interrupted report may be cut short
        }
        if (r.path() == null || r.bytes() == null || r.url() == null) {
          continue;
        }
        if (!("saved".equals(r.outcome()) || "skipped".equals(r.outcome()))) {
          continue;
        }
        if (isComplete(outputDir, r)) {
          index.saved.add(r.url());
        } else {
          index.stale++;
        }
      }
    }
    return index;
  }

  private static boolean isComplete(Path outputDir, UrlRecord r) {
    UrlParser.Parsed parsed = UrlParser.parse(r.url());
    if (parsed.url() == null || !PathMapper.relativePath(parsed.url()).equals(r.path())) {
      return false; // an alias (a@file) or a changed mapping: fetch it again
    }
    try {
      Path file = outputDir.resolve(r.path());
      return Files.isRegularFile(file) && Files.size(file) == r.bytes();
    } catch (IOException e) {
      return false;
    }
  }

  /** True if the URL (normalised) was saved completely by the earlier run. */
  public boolean contains(String url) {
    return saved.contains(url);
  }

  /** Saved URLs of the earlier run whose file is gone or changed, so they are fetched again. */
  public long stale() {
    return stale;
  }
}
