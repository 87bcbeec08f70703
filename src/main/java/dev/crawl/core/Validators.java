package dev.crawl.core;

/**
 * What a server said identifies the version of a body it sent, as it sent them: the {@code ETag}
 * and {@code Last-Modified} headers, each null when absent. A later run asks with these whether the
 * body changed ({@code -N}).
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);
}
