package dev.crawl.run;

/** What a run does with the files an earlier run saved into the same output. */
public enum EarlierFiles {
  /** Fetches every URL again and replaces its file. */
  REPLACE,
  /** Skips URLs whose file an earlier run saved completely ({@code --resume}). */
  SKIP,
  /** Asks the server whether each one changed, and keeps it if not ({@code -N}). */
  REFRESH
}
