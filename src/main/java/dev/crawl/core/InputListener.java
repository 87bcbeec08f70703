package dev.crawl.core;

import java.net.URI;

/** Hears about input lines that never become tasks, so the report accounts for every line. */
public interface InputListener {
  void invalid(String origin, String text, String problem);

  void duplicate(String origin, URI url);

  /** The URL was saved completely by an earlier run ({@code --resume}). */
  void alreadySaved(String origin, URI url);
}
