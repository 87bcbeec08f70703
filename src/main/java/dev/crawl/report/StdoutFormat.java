package dev.crawl.report;

import dev.crawl.core.UrlResult;
import java.nio.file.Path;

/** What a run prints on stdout, one line per finished URL: nothing, JSON Lines, or saved paths. */
public enum StdoutFormat {
  NONE,
  /** One JSON object per URL, whatever its outcome ({@code --jsonl}). */
  JSONL,
  /** The path of each saved file, as the output directory was given, for {@code xargs} ({@code --paths}). */
  PATHS;

  /** The line for this record, or null when this format prints nothing for it. */
  String line(UrlResult r, String json, Path outputDir) {
    return switch (this) {
      case NONE -> null;
      case JSONL -> json;
      case PATHS -> r instanceof UrlResult.Saved s ? outputDir.resolve(s.path()).toString() : null;
    };
  }
}
